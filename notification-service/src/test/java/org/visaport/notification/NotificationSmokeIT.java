package org.visaport.notification;

import org.visaport.testsupport.ResourceServerContract;
import org.visaport.testsupport.WithEmbeddedParts;

@WithEmbeddedParts
@NotificationServiceTest
class NotificationSmokeIT extends ResourceServerContract {

    @Override
    protected String protectedPath() {
        return "/api/notifications/feed";
    }

    @Override
    protected int statusForMember() {
        return 200;
    }
}
