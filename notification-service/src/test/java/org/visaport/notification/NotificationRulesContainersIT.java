package org.visaport.notification;

import org.visaport.testsupport.WithContainerParts;

@WithContainerParts
class NotificationRulesContainersIT extends NotificationRulesContract {
}
