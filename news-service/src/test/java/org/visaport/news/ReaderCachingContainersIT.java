package org.visaport.news;

import org.springframework.boot.test.context.SpringBootTest;
import org.visaport.testsupport.WithContainerParts;

@WithContainerParts
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "visaport.embargo.interval=PT0.5S")
class ReaderCachingContainersIT extends ReaderCachingContract {
}
