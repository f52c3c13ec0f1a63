package dev.storemon.gateway.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns request errors into JSON answers. */
@RestControllerAdvice
class ApiErrors {

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<byte[]> badRequest(BadRequestException e) {
        return JsonResponses.error(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
