package org.visaport.notification.subscription;

/**
 * When e-mail about a topic goes: at once, or gathered into one daily digest at the member's chosen hour. The in-app
 * feed always shows a notice at once: a feed is read when the member chooses to, so batching it would only delay it.
 */
public enum Cadence { IMMEDIATE, DAILY_DIGEST }
