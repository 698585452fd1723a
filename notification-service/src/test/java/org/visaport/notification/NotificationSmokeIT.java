package org.visaport.notification;

import org.springframework.boot.test.context.SpringBootTest;
import org.visaport.testsupport.ResourceServerContract;
import org.visaport.testsupport.WithEmbeddedParts;

@WithEmbeddedParts
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotificationSmokeIT extends ResourceServerContract {

    @Override
    protected String protectedPath() {
        return "/api/notifications/inbox";
    }

    @Override
    protected int statusForMember() {
        return 404;
    }
}
