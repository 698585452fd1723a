package org.visaport.identity;

import org.visaport.testsupport.WithContainerParts;

@WithContainerParts
class MembershipRulesContainersIT extends MembershipRulesContract {
}
