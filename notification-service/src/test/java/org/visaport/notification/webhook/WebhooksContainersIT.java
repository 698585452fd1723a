package org.visaport.notification.webhook;

import org.visaport.testsupport.WithContainerParts;

@WithContainerParts
class WebhooksContainersIT extends WebhooksContract {
}
