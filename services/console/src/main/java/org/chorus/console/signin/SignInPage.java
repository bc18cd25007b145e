package org.chorus.console.signin;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SignInPage {

    @GetMapping("/login")
    String signIn(@RequestParam(required = false) String error, Model model) {
        if (error != null) {
            model.addAttribute(
                    "error",
                    switch (error) {
                        case "throttled" -> "signIn.throttled";
                        case "unavailable" -> "signIn.unavailable";
                        default -> "signIn.wrong";
                    });
        }
        return "login";
    }

    @GetMapping("/")
    String home() {
        return "redirect:/statements";
    }
}
