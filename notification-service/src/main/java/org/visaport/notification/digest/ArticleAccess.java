package org.visaport.notification.digest;

/**
 * Whether a briefing may still be named to a reader when their digest goes: a retracted one may not. The article
 * feature answers it; the interface lives here so digests need not know the article feature.
 */
public interface ArticleAccess {

    boolean stillReadable(String articleId);
}
