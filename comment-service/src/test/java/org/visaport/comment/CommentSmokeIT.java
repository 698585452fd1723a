package org.visaport.comment;

import org.springframework.boot.test.context.SpringBootTest;
import org.visaport.testsupport.ResourceServerContract;
import org.visaport.testsupport.WithEmbeddedParts;

@WithEmbeddedParts
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommentSmokeIT extends ResourceServerContract {

    @Override
    protected String protectedPath() {
        return "/api/admin/comments/queue";
    }

    @Override
    protected int statusForMember() {
        return 403;
    }
}
