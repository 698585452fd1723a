package org.visaport.comment;

import org.visaport.testsupport.WithContainerParts;

@WithContainerParts
class ModerationContainersIT extends ModerationContract {
}
