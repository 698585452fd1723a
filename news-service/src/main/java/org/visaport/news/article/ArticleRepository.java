package org.visaport.news.article;

import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface ArticleRepository extends MongoRepository<Article, String> {

    Optional<Article> findBySlug(String slug);

    boolean existsBySlug(String slug);
}
