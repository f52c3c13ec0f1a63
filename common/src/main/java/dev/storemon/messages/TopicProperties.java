package dev.storemon.messages;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Topic settings shared by every service ({@code storemon.kafka.*}): one value, so that the service that starts first
 * creates the task topic as any other would.
 *
 * @param taskPartitions partitions of {@link Topics#REPORT_TASKS}: bounds how many worker threads share one report
 */
@Validated
@ConfigurationProperties("storemon.kafka")
public record TopicProperties(
        @DefaultValue("16") @Min(1) @Max(10_000) int taskPartitions) {}
