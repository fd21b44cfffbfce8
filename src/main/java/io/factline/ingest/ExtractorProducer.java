package io.factline.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.factline.extract.FactExtractor;
import io.factline.extract.RuleBasedExtractor;
import io.quarkus.arc.DefaultBean;

@ApplicationScoped
public class ExtractorProducer {

    @Produces
    @Singleton
    @DefaultBean
    FactExtractor extractor() {
        return RuleBasedExtractor.bundled();
    }
}
