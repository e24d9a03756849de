package io.servicedelivery.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The front door leads to Tasklist, where the work is. */
@Controller
class RootRedirectController {

  @GetMapping("/")
  String tasklist() {
    return "redirect:/camunda/app/tasklist/";
  }
}
