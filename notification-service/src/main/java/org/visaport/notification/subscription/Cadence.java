package org.visaport.notification.subscription;

/** When: immediately. Daily digests are not built yet, so they are not offered (a digest accepted but never sent would lie). */
public enum Cadence { IMMEDIATE }
