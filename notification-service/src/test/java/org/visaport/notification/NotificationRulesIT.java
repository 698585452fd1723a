package org.visaport.notification;

import org.visaport.testsupport.WithEmbeddedParts;

@WithEmbeddedParts
class NotificationRulesIT extends NotificationRulesContract {
}
