package org.chorus.distribution.unsubscribe;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chorus.platform.language.Languages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The link in every release mail. GET shows a page with one button; POST (the button, or a mail client's RFC 8058
 * one-click request with {@code List-Unsubscribe=One-Click}) takes effect at once. Unknown tokens get a 404 page.
 */
@Controller
class UnsubscribePage {
    private static final Map<String, Texts> TEXTS = Map.of(
            "en",
            new Texts(
                    "Unsubscribe",
                    "Stop receiving statements and press releases from this coalition at this address?",
                    "Unsubscribe",
                    "You are unsubscribed. No further releases will be sent to this address.",
                    "This unsubscribe link is not valid. Please use the link from the mail itself."),
            "fr",
            new Texts(
                    "Se désabonner",
                    "Ne plus recevoir les déclarations et communiqués de cette coalition à cette adresse ?",
                    "Me désabonner",
                    "Vous êtes désabonné·e. Aucun autre envoi ne sera fait à cette adresse.",
                    "Ce lien de désabonnement n’est pas valide. Utilisez le lien du message lui-même."),
            "es",
            new Texts(
                    "Darse de baja",
                    "¿Dejar de recibir declaraciones y comunicados de esta coalición en esta dirección?",
                    "Darme de baja",
                    "Se ha dado de baja. No se enviarán más comunicados a esta dirección.",
                    "Este enlace de baja no es válido. Utilice el enlace del propio mensaje."),
            "ar",
            new Texts(
                    "إلغاء الاشتراك",
                    "هل تريد التوقف عن تلقي البيانات والنشرات الصحفية من هذا التحالف على هذا العنوان؟",
                    "إلغاء الاشتراك",
                    "تم إلغاء اشتراكك. لن تُرسل أي نشرات أخرى إلى هذا العنوان.",
                    "رابط إلغاء الاشتراك هذا غير صالح. يرجى استخدام الرابط الوارد في الرسالة نفسها."),
            "zh",
            new Texts("退订", "不再在此地址接收该联盟的声明和新闻稿？", "退订", "您已退订。此地址将不会再收到任何发布。", "此退订链接无效。请使用邮件中的链接。"),
            "ru",
            new Texts(
                    "Отписаться",
                    "Больше не получать заявления и пресс-релизы этой коалиции на этот адрес?",
                    "Отписаться",
                    "Вы отписались. На этот адрес больше не будут приходить рассылки.",
                    "Эта ссылка для отписки недействительна. Воспользуйтесь ссылкой из самого письма."));

    record Texts(String title, String question, String button, String done, String invalid) {}

    /** What an invitation's or reminder's link asks and answers, in place of the release wording. */
    private static final Map<String, Texts> INVITATION_TEXTS = Map.of(
            "en",
            new Texts(
                    null,
                    "Stop receiving invitations to sign statements, and their reminders, at this address?",
                    null,
                    "You are unsubscribed. No further invitations or reminders will be sent to this address.",
                    null),
            "fr",
            new Texts(
                    null,
                    "Ne plus recevoir d’invitations à signer des déclarations, ni leurs rappels, à cette adresse ?",
                    null,
                    "Vous êtes désabonné·e. Aucune autre invitation ni aucun rappel ne sera envoyé à cette adresse.",
                    null),
            "es",
            new Texts(
                    null,
                    "¿Dejar de recibir invitaciones a firmar declaraciones, y sus recordatorios, en esta dirección?",
                    null,
                    "Se ha dado de baja. No se enviarán más invitaciones ni recordatorios a esta dirección.",
                    null),
            "ar",
            new Texts(
                    null,
                    "هل تريد التوقف عن تلقي الدعوات إلى توقيع البيانات وتذكيراتها على هذا العنوان؟",
                    null,
                    "تم إلغاء اشتراكك. لن تُرسل أي دعوات أو تذكيرات أخرى إلى هذا العنوان.",
                    null),
            "zh",
            new Texts(null, "不再在此地址接收签署声明的邀请及其提醒？", null, "您已退订。此地址将不会再收到任何邀请或提醒。", null),
            "ru",
            new Texts(
                    null,
                    "Больше не получать на этот адрес приглашения подписать заявления и напоминания о них?",
                    null,
                    "Вы отписались. На этот адрес больше не будут приходить приглашения и напоминания.",
                    null));

    private final Unsubscribes unsubscribes;
    private final Clock clock;

    UnsubscribePage(Unsubscribes unsubscribes, Clock clock) {
        this.unsubscribes = unsubscribes;
        this.clock = clock;
    }

    @GetMapping("/unsubscribe/{token}")
    ModelAndView ask(@PathVariable String token, @RequestParam(required = false) String lang) {
        return page(unsubscribes.find(token), token, false, lang);
    }

    @PostMapping("/unsubscribe/{token}")
    ModelAndView unsubscribe(@PathVariable String token, @RequestParam(required = false) String lang) {
        return page(unsubscribes.unsubscribe(token, clock.instant()), token, true, lang);
    }

    /**
     * In the language asked for ({@code ?lang=}), else the first language the person reads that Chorus speaks (a
     * contact who reads German and French gets French), else English.
     */
    private static ModelAndView page(
            Optional<Unsubscribes.Subscriber> subscriber, String token, boolean done, String asked) {
        List<String> candidates = new ArrayList<>();
        candidates.add(asked);
        subscriber.ifPresent(found -> {
            if (found.languages() != null) {
                candidates.addAll(Arrays.asList(found.languages().split(",")));
            }
        });
        String language = Languages.choose(candidates.toArray(String[]::new));
        ModelAndView page = new ModelAndView("unsubscribe");
        page.addObject("lang", language);
        page.addObject("dir", Languages.direction(language));
        Texts texts = TEXTS.get(language);
        if (subscriber.map(Unsubscribes.Subscriber::invitations).orElse(false)) {
            Texts invitation = INVITATION_TEXTS.get(language);
            texts = new Texts(texts.title(), invitation.question(), texts.button(), invitation.done(), texts.invalid());
        }
        page.addObject("texts", texts);
        page.addObject("token", token);
        page.addObject("found", subscriber.isPresent());
        page.addObject(
                "done",
                done || subscriber.map(Unsubscribes.Subscriber::unsubscribed).orElse(false));
        page.setStatus(subscriber.isPresent() ? HttpStatus.OK : HttpStatus.NOT_FOUND);
        return page;
    }
}
