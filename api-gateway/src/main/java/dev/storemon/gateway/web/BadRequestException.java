package dev.storemon.gateway.web;

/** A request the gateway cannot serve as asked; the message names the problem and becomes the 400 body. */
public class BadRequestException extends RuntimeException {

    /**
     * @param message what is wrong, naming the field or parameter
     */
    public BadRequestException(String message) {
        super(message);
    }
}
