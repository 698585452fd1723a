package org.visaport.platform.rendering;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

@AutoConfiguration
public class RenderingAutoConfiguration {

    @Bean
    MarkdownRenderer markdownRenderer() {
        return new MarkdownRenderer();
    }
}
