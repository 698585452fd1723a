package org.visaport.identity;

import org.visaport.testsupport.WithEmbeddedParts;

@WithEmbeddedParts
class KeycloakDownIT extends KeycloakDownContract {
}
