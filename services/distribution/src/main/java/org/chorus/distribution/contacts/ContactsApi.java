package org.chorus.distribution.contacts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.chorus.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/contact-lists")
class ContactsApi {
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    private final Contacts contacts;

    ContactsApi(Contacts contacts) {
        this.contacts = contacts;
    }

    record NewList(@NotBlank @Size(max = 200) String name) {}

    record NewContact(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @Size(max = 200) String outlet,

            @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code such as en, fr, ar")
            String language) {}

    record ListView(UUID id, String name) {}

    @PostMapping
    ResponseEntity<ListView> createList(@Valid @RequestBody NewList request) {
        Contacts.ContactList list = contacts.createList(request.name().strip());
        return ResponseEntity.created(URI.create("/api/contact-lists/" + list.id()))
                .body(new ListView(list.id(), list.name()));
    }

    @PostMapping("/{id}/contacts")
    ResponseEntity<Contacts.Contact> add(@PathVariable UUID id, @Valid @RequestBody NewContact request) {
        if (request.language() != null && !LANGUAGES.contains(request.language())) {
            throw Problems.badRequest("Unknown language '" + request.language() + "': use an ISO 639-1 code.");
        }
        Contacts.Contact contact = contacts.add(
                id, request.name().strip(), request.email().strip(), blankToNull(request.outlet()), request.language());
        return ResponseEntity.status(HttpStatus.CREATED).body(contact);
    }

    @GetMapping("/{id}")
    Contacts.ContactList get(@PathVariable UUID id) {
        return contacts.find(id).orElseThrow(() -> Problems.notFound("No contact list " + id + "."));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
