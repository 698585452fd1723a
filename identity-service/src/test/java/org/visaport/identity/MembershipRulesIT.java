package org.visaport.identity;

import org.visaport.testsupport.WithEmbeddedParts;

@WithEmbeddedParts
class MembershipRulesIT extends MembershipRulesContract {
}
