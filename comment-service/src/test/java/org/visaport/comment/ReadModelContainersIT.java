package org.visaport.comment;

import org.visaport.testsupport.WithContainerParts;

@WithContainerParts
class ReadModelContainersIT extends ReadModelContract {
}
