package org.visaport.comment;

import org.visaport.testsupport.WithEmbeddedParts;

@WithEmbeddedParts
class ThreadCachingIT extends ThreadCachingContract {
}
