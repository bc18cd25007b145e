package org.chorus.events;

import java.util.Map;

/**
 * The personal part of a mail request, only ever on the wire sealed inside {@link SealedMailRequested}: the
 * recipient's address and name and the template's variables (personal links among them).
 */
public record MailRecipient(String address, String name, Map<String, String> variables) {}
