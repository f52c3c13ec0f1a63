package dev.storemon.gateway.web;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server's JSON converter, on the application's one JSON mapper, except that a request body with a field the
 * record does not know is refused (a 400 naming the field) instead of ignored. Only HTTP request bodies are strict:
 * Kafka payloads, read by the same mapper, stay tolerant of fields added by newer producers.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonBodies {

    /** Swaps the JSON converter in place, after every other customizer ran, so the converter order stays Boot's. */
    @Bean
    ServerHttpMessageConvertersCustomizer strictJsonBodiesCustomizer(JsonMapper jsonMapper) {
        return builder -> builder.configureMessageConvertersList(converters -> converters.replaceAll(converter ->
                converter instanceof JacksonJsonHttpMessageConverter ? new StrictReading(jsonMapper) : converter));
    }

    private static final class StrictReading extends JacksonJsonHttpMessageConverter {

        StrictReading(JsonMapper mapper) {
            super(mapper);
        }

        @Override
        protected ObjectReader customizeReader(ObjectReader reader, JavaType javaType) {
            return reader.with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        }
    }
}
