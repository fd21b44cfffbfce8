package io.factline.api.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail. {@code type} names the kind of problem (documented in the README),
 * {@code currentVersion} is set on version conflicts so a client can re-read and retry.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, Integer currentVersion) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
