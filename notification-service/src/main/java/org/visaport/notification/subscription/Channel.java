package org.visaport.notification.subscription;

/** Where a member hears of something: the feed in the app, and by e-mail where an address is known. */
public enum Channel { IN_APP, EMAIL }
