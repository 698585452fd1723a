package org.visaport.notification.webhook;

import org.visaport.testsupport.WithEmbeddedParts;

@WithEmbeddedParts
class WebhooksIT extends WebhooksContract {
}
