package org.chorus.distribution.contacts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.chorus.platform.text.EmailAddress;
import org.chorus.platform.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/contact-lists")
class ContactsApi {
    static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final Contacts contacts;
    private final ContactImports imports;
    private final Segments segments;
    private final Clock clock;
    private final ContactListAccess access;

    ContactsApi(Contacts contacts, ContactImports imports, Segments segments, Clock clock, ContactListAccess access) {
        this.access = access;
        this.contacts = contacts;
        this.imports = imports;
        this.segments = segments;
        this.clock = clock;
    }

    record NewSegment(
            @NotBlank @Size(max = 200) String name,

            @Size(max = 250)
            List<@Pattern(regexp = "[A-Z]{2}", message = "must be ISO 3166-1 alpha-2 codes") String> countries,

            @Size(max = 200) List<@Pattern(regexp = "[a-z]{2}", message = "must be ISO 639-1 codes") String> languages,
            @Size(max = 2) List<@Pattern(regexp = "PRESS|POLICY", message = "must be PRESS or POLICY") String> types,
            @Size(max = 50) List<@NotBlank @Size(max = 50) String> tags) {}

    /** Checks a CSV file ({@code dryRun=true}: only the report) or imports it whole; bad rows refuse the whole file. */
    @PostMapping(
            path = "/{id}/imports",
            consumes = {"text/csv", "text/plain"})
    ResponseEntity<ContactImports.Report> importCsv(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestBody(required = false) String csv,
            HttpServletRequest http) {
        access.require(http, id);
        ContactImports.Report report = imports.importCsv(id, csv, dryRun);
        return ResponseEntity.status(dryRun ? HttpStatus.OK : HttpStatus.CREATED)
                .body(report);
    }

    @GetMapping(path = "/{id}/contacts.csv", produces = "text/csv;charset=UTF-8")
    ResponseEntity<String> exportCsv(@PathVariable UUID id, HttpServletRequest http) {
        access.require(http, id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"contacts-" + id + ".csv\"")
                .body(imports.exportCsv(id));
    }

    @PostMapping("/{id}/segments")
    ResponseEntity<Segments.Segment> createSegment(
            @PathVariable UUID id, @Valid @RequestBody NewSegment request, HttpServletRequest http) {
        access.require(http, id);
        for (String language : orEmpty(request.languages())) {
            if (!LANGUAGES.contains(language)) {
                throw Problems.badRequest("Unknown language '" + language + "': use an ISO 639-1 code.");
            }
        }
        for (String country : orEmpty(request.countries())) {
            if (!COUNTRIES.contains(country)) {
                throw Problems.badRequest("Unknown country '" + country + "': use an ISO 3166-1 alpha-2 code.");
            }
        }
        Segments.Segment segment = segments.create(new Segments.Segment(
                UUID.randomUUID(),
                id,
                request.name().strip(),
                orEmpty(request.countries()),
                orEmpty(request.languages()),
                orEmpty(request.types()),
                orEmpty(request.tags()).stream().map(String::strip).toList()));
        return ResponseEntity.created(URI.create("/api/contact-lists/" + id + "/segments/" + segment.id()))
                .body(segment);
    }

    /** The list's saved segments. */
    @GetMapping("/{id}/segments")
    List<Segments.Segment> segments(@PathVariable UUID id, HttpServletRequest http) {
        access.require(http, id);
        return segments.ofList(id);
    }

    /** Who a segment would reach now: its contacts that may be mailed. */
    @GetMapping("/{id}/segments/{segmentId}/contacts")
    List<Contacts.Contact> segmentContacts(
            @PathVariable UUID id, @PathVariable UUID segmentId, HttpServletRequest http) {
        access.require(http, id);
        return segments.mailable(id, segmentId);
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }

    /** {@code coalitionId}: one of the caller's coalitions; without it, the first one (their personal coalition). */
    record NewList(@NotBlank @Size(max = 200) String name, UUID coalitionId) {}

    record NewContact(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @EmailAddress @Size(max = 254) String email,
            @Size(max = 200) String outlet,

            @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code such as en, fr, ar")
            String language,

            @Size(max = 10)
            List<@NotBlank @Pattern(regexp = "[a-z]{2}", message = "must be ISO 639-1 codes such as en, fr, ar") String>
                    languages,

            @Size(max = 200) String role,

            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as NL, KE")
            String country,

            @Size(max = 200) String beat,

            @Pattern(regexp = "PRESS|POLICY", message = "must be PRESS or POLICY")
            String type,

            @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags,
            @Size(max = 200) String source,
            @Size(max = 200) String consentBasis,
            Boolean accredited) {}

    record ListView(UUID id, String name) {}

    @PostMapping
    ResponseEntity<ListView> createList(@Valid @RequestBody NewList request, HttpServletRequest http) {
        Contacts.ContactList list =
                contacts.createList(request.name().strip(), access.forNewList(http, request.coalitionId()));
        return ResponseEntity.created(URI.create("/api/contact-lists/" + list.id()))
                .body(new ListView(list.id(), list.name()));
    }

    @PostMapping("/{id}/contacts")
    ResponseEntity<Contacts.Contact> add(
            @PathVariable UUID id, @Valid @RequestBody NewContact request, HttpServletRequest http) {
        access.require(http, id);
        List<String> languages = languages(request.language(), request.languages());
        if (request.country() != null && !COUNTRIES.contains(request.country())) {
            throw Problems.badRequest("Unknown country '" + request.country() + "': use an ISO 3166-1 alpha-2 code.");
        }
        Contacts.Contact contact = contacts.add(
                id,
                new Contacts.Contact(
                        null,
                        request.name().strip(),
                        request.email().strip(),
                        blankToNull(request.outlet()),
                        languages.isEmpty() ? null : languages.get(0),
                        languages,
                        blankToNull(request.role()),
                        request.country(),
                        blankToNull(request.beat()),
                        request.type(),
                        request.tags() == null
                                ? List.of()
                                : request.tags().stream().map(String::strip).toList(),
                        blankToNull(request.source()),
                        blankToNull(request.consentBasis()),
                        Boolean.TRUE.equals(request.accredited())));
        return ResponseEntity.status(HttpStatus.CREATED).body(contact);
    }

    @DeleteMapping("/{id}/contacts/{contactId}")
    ResponseEntity<Void> remove(@PathVariable UUID id, @PathVariable UUID contactId, HttpServletRequest http) {
        access.require(http, id);
        contacts.remove(id, contactId, clock.instant());
        return ResponseEntity.noContent().build();
    }

    /** The contact lists of the caller's coalitions (every list with the gate off), with their number of contacts. */
    @GetMapping
    List<Contacts.ListSummary> lists(HttpServletRequest http) {
        return contacts.lists(access.coalitionsOf(http));
    }

    @GetMapping("/{id}")
    Contacts.ContactList get(@PathVariable UUID id, HttpServletRequest http) {
        access.require(http, id);
        return contacts.find(id).orElseThrow(() -> Problems.notFound("No contact list " + id + "."));
    }

    /**
     * The contact's languages, preferred first: {@code languages}, or the single {@code language} of older clients.
     * Both may be given if {@code language} is the first of {@code languages}.
     */
    static List<String> languages(String language, List<String> languages) {
        if (languages == null || languages.isEmpty()) {
            languages = language == null ? List.of() : List.of(language);
        } else if (language != null && !language.equals(languages.get(0))) {
            throw Problems.badRequest("language '" + language + "' is not the first of languages " + languages
                    + ": give the languages in order of preference, or only one language.");
        }
        for (String code : languages) {
            if (!LANGUAGES.contains(code)) {
                throw Problems.badRequest("Unknown language '" + code + "': use an ISO 639-1 code.");
            }
        }
        return languages.stream().distinct().toList();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
