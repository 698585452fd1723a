package org.visaport.news;

import org.springframework.boot.test.context.SpringBootTest;
import org.visaport.testsupport.ResourceServerContract;
import org.visaport.testsupport.WithContainerParts;

@WithContainerParts
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NewsSmokeContainersIT extends ResourceServerContract {

    @Override
    protected String protectedPath() {
        return "/api/admin/news/articles/unknown";
    }

    @Override
    protected int statusForMember() {
        return 403;
    }
}
