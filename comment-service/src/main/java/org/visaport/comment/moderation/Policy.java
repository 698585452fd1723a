package org.visaport.comment.moderation;

/** Pre-moderation: new comments wait for a moderator. Post-moderation: they show at once and can be reviewed. */
public enum Policy { PRE, POST }
