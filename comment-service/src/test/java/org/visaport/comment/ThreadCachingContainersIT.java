package org.visaport.comment;

import org.visaport.testsupport.WithContainerParts;

@WithContainerParts
class ThreadCachingContainersIT extends ThreadCachingContract {
}
