package org.visaport.news;

import org.springframework.boot.test.context.SpringBootTest;
import org.visaport.testsupport.WithEmbeddedParts;

/** The same application context as {@link ArticleApiIT}, so the two share one start. */
@WithEmbeddedParts
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "visaport.embargo.interval=PT0.5S")
class ReaderCachingIT extends ReaderCachingContract {
}
