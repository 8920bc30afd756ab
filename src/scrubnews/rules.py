"""The boilerplate rule table: every line rule scrubnews knows, by name.

Each ``Rule`` matches a whole stripped line (case-folded), by an exact
phrase list and/or a regular expression, only on lines no longer than
``max_chars`` (so a rule never runs over a long line). The patterns are
anchored and have no nested repetition: matching is linear in the line.
``clean`` drops what these rules match and ``check`` reports it; both read
this one table. Rules that look at a line's neighbours (menu runs, the
article core) live in ``boilerplate``; their names are listed in
``CONTEXT_RULES`` so that every removal names a rule documented here.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Rule:
    """One named line rule."""

    name: str
    description: str
    exact: frozenset[str] = field(default_factory=frozenset)
    pattern: re.Pattern[str] | None = None
    max_chars: int = 100
    requires: tuple[re.Pattern[str], ...] = ()
    hints: tuple[str, ...] = ()
    starts: tuple[str, ...] = ()
    ends: tuple[str, ...] = ()
    contains: tuple[str, ...] = ()

    def matches(self, folded: str) -> bool:
        """True if the rule matches ``folded`` (a stripped, case-folded line).

        A line matches when it is one of ``exact``, or ``pattern`` matches it
        whole, or every pattern in ``requires`` occurs somewhere in it.
        ``hints`` are substrings one of which every line that meets
        ``requires`` contains: a quick test before those patterns run.
        ``starts``, ``ends`` and ``contains``, when given, say the same of
        ``pattern`` on a folded line without ``FOLD_SPECIAL`` characters: it
        matches only a line that starts with one of ``starts``, ends with one
        of ``ends`` or contains one of ``contains`` (see ``pattern_may_match``).
        """
        if len(folded) > self.max_chars:
            return False
        if folded in self.exact:
            return True
        if self.pattern is not None and self.pattern.fullmatch(folded) is not None:
            return True
        return (
            bool(self.requires)
            and self.hints_found(folded)
            and all(p.search(folded) for p in self.requires)
        )

    def hints_found(self, folded: str) -> bool:
        """True if ``folded`` holds one of ``hints`` (always, when there are none)."""
        return not self.hints or any(map(folded.__contains__, self.hints))

    @property
    def guarded(self) -> bool:
        """True if the rule says where its pattern's matches start, end or what they hold."""
        return bool(self.starts or self.ends or self.contains)

    def pattern_may_match(self, folded: str) -> bool:
        """False when ``pattern`` surely does not match ``folded`` (see ``matches``)."""
        return (
            not self.guarded
            or folded.startswith(self.starts)
            or folded.endswith(self.ends)
            or any(map(folded.__contains__, self.contains))
        )


def _words(*phrases: str) -> frozenset[str]:
    return frozenset(p.casefold() for p in phrases)


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_ALT_WORDS = (
    r"spacer|image|img|photo|photograph|picture|pic|icon|logo|thumbnail|thumb|avatar|banner"
    r"|placeholder|graphic|illustration|foto|bild|grafik|imagen|immagine"
)

# Labels that introduce a link to another article (cross-links, "see also").
_CROSS_LINK_WORDS = (
    "read more", "read also", "also read", "see also", "related", "related coverage",
    "lesen sie auch", "lesen sie hier", "lesen sie mehr", "auch lesen", "weiterlesen",
    "mehr zum thema", "auch interessant", "schon gelesen", "das könnte sie auch interessieren",
    "das könnte dich auch interessieren", "lire aussi", "à lire aussi", "a lire aussi",
    "lea también", "lea tambien", "lea más", "lea mas", "le puede interesar", "puedes ver",
    "vea también", "vea tambien", "te puede interesar", "veja também", "veja tambem",
    "leia também", "leia mais", "czytaj też", "czytaj także", "dowiedz się więcej",
    "leggi anche",
)
_CROSS_LINK = "|".join(re.escape(w) for w in _CROSS_LINK_WORDS)
_CROSS_LINK_STARTS = tuple(sorted(set(w.split()[0] for w in _CROSS_LINK_WORDS)))
# Words that label an image's credit ("Foto: dpa").
_CREDIT_WORDS_LIST = (
    "foto", "fotos", "bild", "bilder", "beitragsbild", "titelbild", "bildquelle", "fotoquelle",
    "photo", "photos", "photograph", "image", "credit", "credits", "crédits photos",
    "crédit photo", "crédits photo", "crédit", "fotografía", "foto di",
    "quelle", "quellen", "source", "sources", "fuente", "fonte", "źródło",
)
_CREDIT_WORDS = "|".join(re.escape(w) for w in _CREDIT_WORDS_LIST)
_CREDIT_FIRST = {w.split()[0] for w in _CREDIT_WORDS_LIST}
_CREDIT_STARTS = tuple(sorted(_CREDIT_FIRST | {"(" + w for w in _CREDIT_FIRST}))

# Photo agencies and stock libraries that credit images.
_AGENCY_LIST = (
    "istock", "getty images", "reuters", "dpa", "afp", "ap photo", "shutterstock", "imago",
    "picture alliance", "picture-alliance", "adobe stock", "stock.adobe.com", "pixabay",
    "unsplash", "keystone", "epa-efe", "wenn.com", "agencia", "clipdealer",
)
_AGENCIES = "|".join(re.escape(w) for w in _AGENCY_LIST)

RULES: tuple[Rule, ...] = (
    Rule(
        "image-alt",
        "Image alt-text left in the dump: 'Spacer', 'CIPFA logo', 'Photo', '[image]'.",
        pattern=_re(
            rf"\[?(?:{_ALT_WORDS})\]?(?: \d{{1,4}})?(?: of \d{{1,4}})?"
            rf"|[\w&'’.-]+(?: [\w&'’.-]+){{0,5}} (?:logo|icon|avatar|thumbnail)"
            rf"|(?:{_ALT_WORDS}): ?[^ ]{{0,60}}\.(?:jpe?g|png|gif|webp|svg)"
            r"|[\w.-]{1,80}\.(?:jpe?g|png|gif|webp|svg)"
        ),
        max_chars=80,
        starts=("[", *_ALT_WORDS.split("|")),
        ends=(" logo", " icon", " avatar", " thumbnail", ".jpg", ".jpeg", ".png", ".gif", ".webp",
              ".svg"),
    ),
    Rule(
        "share-widget",
        "Share and social buttons: 'AddToAny', 'Share on Facebook', 'Tweet', 'Email', 'Print',"
        " 'Click to share on Twitter (Opens in new window)'.",
        exact=_words(
            "addtoany", "share", "shares", "share this", "share this article", "share this story",
            "share this post", "share this page", "share article", "share story", "sharing",
            "share via", "share on", "share:", "tweet", "tweet this", "email", "e-mail", "mail",
            "print", "print this", "print article", "print this article", "print this page",
            "facebook", "twitter", "linkedin", "whatsapp", "pinterest", "reddit", "tumblr",
            "telegram", "xing", "flipboard", "pocket", "messenger", "pin it", "copy link",
            "copy the link", "link copied", "save", "save article", "save for later", "like",
            "teilen", "teilen:", "drucken", "twittern", "artikel teilen", "partager", "imprimer",
            "compartir", "imprimir", "condividi", "stampa", "delen", "comment", "comments",
            "x", "bluesky", "mastodon", "threads", "sms", "more", "+", "share on x",
            "facebook twitter", "facebook twitter email", "facebook twitter linkedin",
            "email this", "email this article", "send", "gift this article", "gift article",
        ),
        pattern=_re(
            r"click to (?:share on [\w. +-]{1,30}|(?:e-?mail|print)[\w ]{0,30})"
            r" \(opens in (?:a )?new window\)"
            r"|(?:share|teilen|partager|compartir)(?: this)?(?: (?:article|story|post|page))?"
            r" (?:on|via|with|auf|sur|en|per) [\w. +-]{1,30}"
            r"|(?:follow|like) us on [\w. +-]{1,40}"
            r"|\d{1,6} (?:shares?|comments?|likes?)"
            r"|(?:facebook|twitter|linkedin|whatsapp|pinterest|reddit|email|e-mail|print|x)"
            r"(?: ?[|·•/,] ?(?:facebook|twitter|linkedin|whatsapp|pinterest|reddit|email"
            r"|e-mail|print|x|share|tweet|copy link)){1,9}"
        ),
        max_chars=120,
    ),
    Rule(
        "feedback-prompt",
        "Reader feedback prompts: 'Did you enjoy this article?', 'Was this helpful?',"
        " 'War der Artikel nützlich?', 'Möchten Sie den Artikel teilen?'.",
        pattern=_re(
            r"(?:did you (?:enjoy|like|find)|was this|was this (?:article|page|story|information)"
            r"|how (?:useful|helpful) was|is this page useful|rate this)[^.]{0,60}\?"
            r"|(?:yes|no)(?: ?/ ?(?:yes|no))?|thanks for (?:your )?feedback[.!]?"
            r"|(?:hat|fanden) (?:ihnen|sie) (?:dieser|der) (?:artikel|beitrag)[^.]{0,40}\?"
            r"|(?:war|ist) (?:der|dieser|dieses|das) (?:artikel|beitrag|text|inhalt)[^.?]{0,40}\?"
            r"|(?:möchten|wollen) sie (?:den|diesen) (?:artikel|beitrag)[^.?]{0,40}\?"
            r"|wie (?:bewerten|fanden) sie (?:den|diesen) (?:artikel|beitrag)[^.?]{0,40}\?"
            r"|verraten sie (?:uns )?(?:gerne )?in den kommentaren[^.?]{0,60}[:?.!]?"
            r"|we want to hear what you think about this (?:article|story)[.!]?"
        ),
        max_chars=120,
    ),
    Rule(
        "back-to-top",
        "Page navigation: 'Top', 'Back to top', 'Next article', 'Skip to content'.",
        exact=_words(
            "top", "^ top", "↑ top", "back to top", "return to top", "go to top", "to top",
            "scroll to top", "nach oben", "zurück nach oben", "haut de page", "retour en haut",
            "volver arriba", "torna su", "skip to content", "skip to main content",
            "skip to navigation", "jump to navigation", "skip navigation", "menu", "close",
            "open menu", "close menu", "toggle navigation", "search", "go", "submit", "home",
            "next", "previous", "prev", "next article", "previous article", "next story",
            "previous story", "next post", "previous post", "continue reading", "read more",
            "read more »", "more »", "« previous", "next »", "back", "zurück", "weiter",
            "weiterlesen", "mehr", "lire la suite", "leer más", "suche", "recherche", "buscar",
            "main menu", "navigation", "hauptmenü", "suchen", "search for:", "sections",
            "loading", "loading...", "please wait", "view all", "show more", "see all",
            "see more", "load more", "all", "login", "log in", "sign in", "log out",
            "sign out", "register", "anmelden", "abmelden", "registrieren", "my account",
        ),
        pattern=_re(r"(?:back to|return to|go to|zurück zu|retour à) [\w' -]{1,40}"),
        max_chars=60,
    ),
    Rule(
        "advertisement",
        "Advertising labels: 'Advertisement', 'Sponsored', 'Anzeige'.",
        exact=_words(
            "advertisement", "advertisements", "advertising", "advert", "ad", "ads", "sponsored",
            "sponsored content", "paid content", "paid post", "promoted", "promoted content",
            "anzeige", "werbung", "publicité", "publicidad", "pubblicità", "reklame",
            "story continues below advertisement", "article continues below advertisement",
            "continue reading below", "continue reading the main story",
            "advertisement - scroll to continue", "ad feedback", "partner content",
            "story continues below", "article continues below",
        ),
        pattern=_re(r"(?:advertisement|anzeige|werbung)[ :–—-]{1,4}[\w ]{0,40}"),
        max_chars=60,
    ),
    Rule(
        "subscription-prompt",
        "Subscription and newsletter prompts: 'Subscribe now', 'Sign up for our newsletter',"
        " 'Subscribe now to our e-edition for the full story.'.",
        exact=_words(
            "subscribe", "subscribe now", "subscribe today", "subscriber", "subscribers only",
            "subscriptions", "newsletter", "newsletters", "sign up", "sign up now",
            "sign up for free", "join now", "abonnieren", "jetzt abonnieren", "abonnement",
            "s'abonner", "abonnez-vous", "suscríbete", "suscribirse", "already a subscriber?",
            "already a subscriber? sign in", "become a member", "support us", "donate",
            "get the app", "download the app", "free trial", "start your free trial",
        ),
        pattern=_re(
            r"(?:subscribe|sign up|signup|register|join|get|receive)(?: now| today| free)?"
            r" (?:to|for) (?:our|the|my|free|daily|weekly) [\w ’'-]{0,60}(?:newsletters?|updates|"
            r"emails?|alerts|digest|briefing|bulletin|list|subscription)[.!]?"
            r"|(?:subscribe|subscription|newsletter|abonnieren|abonnez)[^.]{0,80}"
            r"(?:e-?mail|inbox|newsletter|access|offer|angebot|jetzt|today|now)[.!]?"
            r"|(?:already|bereits) (?:a |an )?(?:subscriber|member|abonnent)[^.]{0,40}"
            r"|(?:enter|your) (?:your )?e-?mail(?: address)?[^.]{0,40}"
            r"|this (?:article|story|content) is (?:for|only available to) subscribers[^.]{0,40}"
            r"|(?:subscribe|log ?in|sign in)[^.]{0,80}(?:full|whole) (?:story|article)[.!]?"
            r"|to (?:read|view|access|continue reading)[^.]{0,30}(?:full|whole|rest of the)"
            r" (?:story|article)[^.]{0,30}(?:subscribe|subscriber|log ?in|sign in)[^.]{0,80}[.!]?"
            r"|if you(?:'|’)re [^.]{0,40}already (?:a |an )?(?:subscriber|member)[^.]{0,100}[.!]?"
            r"|(?:for|get) the latest (?:news|stories)[^.]{0,60}\bapps?\b[^.]{0,40}[.!]?"
        ),
        max_chars=160,
    ),
    Rule(
        "cookie-notice",
        "Cookie and consent banners.",
        requires=(
            _re(r"\bcookies?\b|\bgdpr\b"),
            _re(
                r"\b(?:accept|agree|consent|policy|settings|use|einverstanden|akzeptieren"
                r"|verwendet|nutzt|utilise|utilisons|acepta|utiliza|usamos|continu)"
            ),
        ),
        # The first pattern needs "cookie" or "gdpr"; of their letters only "k" has another
        # case-insensitive form (the Kelvin sign), and case folding turns it into "k".
        hints=("cook", "gdpr"),
        pattern=_re(
            r"(?:accept|allow|reject|decline)(?: all)?(?: cookies)?|cookie (?:settings|policy|"
            r"preferences)|ok(?:ay)?|got it|i agree|i accept|alle akzeptieren|akzeptieren"
            r"|tout accepter|aceptar|accetta"
        ),
        max_chars=400,
    ),
    Rule(
        "copyright",
        "Copyright and legal footers: '© 2024 …', 'All rights reserved'.",
        pattern=_re(
            r"(?:©|\(c\)|copyright|&copy;)[^\n]{0,200}"
            r"|[^\n]{0,150}(?:all rights reserved|alle rechte vorbehalten|tous droits réservés"
            r"|todos los derechos reservados)[^\n]{0,100}"
            r"|(?:privacy(?: policy| notice)?|terms(?: of (?:use|service))?|terms (?:&|and) "
            r"conditions|impressum|datenschutz|imprint|legal notice|mentions légales|"
            r"cookie policy|accessibility|sitemap|site map|contact us|about us|kontakt)"
        ),
        max_chars=300,
        starts=("©", "(c)", "copyright", "&copy;", "privacy", "terms", "impressum", "datenschutz",
                "imprint", "legal notice", "mentions légales", "cookie policy", "accessibility",
                "sitemap", "site map", "contact us", "about us", "kontakt"),
        contains=("all rights reserved", "alle rechte vorbehalten", "tous droits réservés",
                  "todos los derechos reservados"),
    ),
    Rule(
        "comment-widget",
        "Comment section furniture: 'Leave a comment', 'Reply', 'Log in to comment'.",
        exact=_words(
            "reply", "report", "flag", "permalink", "leave a reply", "leave a comment",
            "post a comment", "add a comment", "write a comment", "show comments",
            "view comments", "hide comments", "load comments", "comments are closed.",
            "comments are closed", "join the conversation", "join the discussion",
            "kommentieren", "antworten", "kommentar schreiben", "répondre", "responder",
            "kommentar hinzufügen", "bookmark the permalink.", "bookmark the permalink",
        ),
        pattern=_re(
            r"(?:log ?in|sign in|register|you must be logged in) to (?:post a )?(?:comment|reply)"
            r"[^\n]{0,40}"
            r"|(?:\d{1,6}|no|one|two) (?:comments?|replies|responses|kommentare?|commentaires?)"
            r"|(?:leave|post|add|write) a (?:comment|reply)[^\n]{0,40}"
        ),
        max_chars=100,
    ),
    Rule(
        "markup-debris",
        "Dumper debris with no words: form fields '[ ] [Go]', lone bullets, rules, '|'.",
        pattern=_re(r"[\W_]{1,80}|(?:\[[^\]\n]{0,40}\] ?){1,6}|\[?(?:go|search|submit|ok)\]?"),
        max_chars=80,
    ),
    Rule(
        "user-pattern",
        "A line matched by one of the configuration's extra boilerplate patterns.",
    ),
)

# Line rules for HTML pages only: in a text dump a caption's credit or a
# cross-link sits among lines the line model reads in context, and dropping
# it there moves the article's core (measured: dump F1 and titles drop).
PAGE_RULES: tuple[Rule, ...] = (
    Rule(
        "post-filing",
        "A blog post's filing line below it: 'This entry was posted in News. Bookmark the "
        "permalink.', 'Der Beitrag wurde am … veröffentlicht und wurde unter … abgelegt.' "
        "(In a text dump it may be the only date the article has.)",
        pattern=_re(
            r"this entry was posted (?:in|on) [^\n]{1,300}"
            r"|(?:der|dieser) (?:beitrag|eintrag|artikel) wurde am [^\n]{1,200}"
            r"(?:abgelegt|kategorisiert|veröffentlicht)[^\n]{0,300}"
        ),
        max_chars=400,
        starts=("this entry was posted", "der beitrag wurde", "dieser beitrag wurde",
                "der eintrag wurde", "dieser eintrag wurde", "der artikel wurde",
                "dieser artikel wurde"),
    ),
    Rule(
        "cross-link",
        "A link to another article set in the text: 'Read more: …', 'Lesen Sie auch: …', "
        "'Lea también: …', 'Czytaj też: …', or such a label alone ('Auch interessant:').",
        pattern=_re(
            rf"(?:{_CROSS_LINK})(?: ?[:»>|]+ ?[^\n]{{0,150}}|[:?!.]?)"
        ),
        max_chars=170,
        starts=_CROSS_LINK_STARTS,
    ),
    Rule(
        "image-credit",
        "An image's or the article's credit on its own line: 'Foto: dpa', 'Bild: …', "
        "'Beitragsbild: …', '(Credit: …)', 'Photograph by …', 'Quelle: …', 'Source: …'.",
        pattern=_re(
            rf"\(?(?:{_CREDIT_WORDS}) ?(?::|by) ?[^\n]{{1,90}}"
        ),
        max_chars=100,
        starts=_CREDIT_STARTS,
    ),
    Rule(
        "caption-credit",
        "An image caption ending with its credit: 'The quay at dawn. © A. Lens', "
        "'Das Hermelin im Winter (mlharing / iStock.com)', '(Foto: A. Lens)'.",
        pattern=_re(
            r"[^\n]{0,200}(?:©|\(c\)) ?[^\n©]{1,60}"
            rf"|[^\n]{{0,200}}\((?:{_CREDIT_WORDS}) ?:? ?[^()\n]{{1,60}}\)"
            rf"|[^\n]{{0,200}}\([^()\n]{{0,40}}(?:{_AGENCIES})[^()\n]{{0,40}}\)"
        ),
        max_chars=260,
        contains=("©", "(c)"),
        ends=(")",),
    ),
    Rule(
        "reader-appeal",
        "A call to the reader or a notice about the page, not article text: 'If you enjoyed "
        "reading this post, consider supporting our work', 'Follow us on Twitter', 'We want to "
        "hear what you think … Submit a letter to the editor', 'Sie müssen sich einloggen, um "
        "…', 'Dieser Beitrag gibt die Meinung des Autors wieder', affiliate-link and licence "
        "notices, an embed's consent notice, a rating or print widget ('Bewerten:', 'Rezept "
        "drucken').",
        pattern=_re(
            r"if you (?:enjoyed|liked|like|value|appreciate|found)[^\n]{0,40}(?:post|article"
            r"|story|piece|work|journalism|content)[^\n]{0,200}"
            r"|we rely on (?:your|readers’?'?|the) (?:support|generosity)[^\n]{0,200}"
            r"|never miss (?:the latest|a story|a thing|an update|another)[^\n]{0,150}"
            r"|(?:do you want|want|would you like) to (?:be informed|stay (?:informed"
            r"|up to date|in the loop))[^\n]{0,150}"
            r"|(?:submit|send) (?:a|your) letter to the editor[^\n]{0,150}"
            r"|we want to hear what you think[^\n]{0,200}"
            r"|follow (?:us|the [\w.]{1,30}|[\w.]{1,30}) on (?:twitter|facebook|instagram"
            r"|linkedin|youtube|tiktok|telegram|whatsapp)[^\n]{0,250}"
            r"|to (?:view|read) the (?:full|whole|rest of the) (?:story|article)[^\n]{0,40}"
            r"(?:subscribe|log ?in|sign in)[^\n]{0,150}"
            r"|(?:sie müssen|du musst) (?:sich )?(?:eingeloggt|angemeldet|einloggen|anmelden"
            r"|registriert)[^\n]{0,120}"
            r"|lust auf mehr\?[^\n]{0,200}"
            r"|(?:dieser|der) (?:beitrag|artikel|text|gastbeitrag|kommentar) (?:gibt|spiegelt)"
            r" (?:die|ausschließlich die|nur die|allein die) (?:persönliche )?meinung[^\n]{0,150}"
            r"|the (?:views|opinions) expressed (?:in this [\w ]{1,20} )?are (?:those"
            r"|solely those|the author’?'?s own)[^\n]{0,150}"
            r"|(?:dieser|der) (?:text|beitrag|artikel) (?:wurde|ist) (?:veröffentlicht )?unter"
            r" (?:der|einer) (?:lizenz|creative)[^\n]{0,150}"
            r"|this (?:post|article|page) (?:contains|may contain) (?:affiliate links"
            r"|references to products)[^\n]{0,300}"
            r"|we recommend the best products[^\n]{0,300}"
            r"|[^\n]{0,60}bei den (?:verlinkungen|links) handelt es sich um (?:affiliate"
            r"|partner)[^\n]{0,200}"
            r"|(?:¿ya sabías que|únete a nuestro|síguenos en|¡mira lo que tiene nuestro canal)"
            r"[^\n]{0,200}"
            r"|[>» ]{0,4}jetzt (?:die )?(?:aktuelle |neue )?ausgabe bestellen[!.]?[<« ]{0,4}"
            r"|wir respektieren (?:deine|ihre) privatsphäre[^\n]{0,300}"
            r"|(?:dieses|den|die|das) [\w-]{1,20} als pdf (?:herunterladen|downloaden)"
            r"|bild anzeigen bild schlie(?:ss|ß)en|rezept drucken(?: bei pinterest speichern)?"
            r"|bewerten:|\(?noch keine bewertungen\)?|externer inhalt|escucha esta nota(?: aquí)?"
            r"|quellen (?:ausblenden|einblenden|anzeigen)"
            r"|\*?(?:werbung|anzeige)[.:] (?:dieser|der) (?:beitrag|artikel)[^\n]{0,150}"
            r"|(?:dieser|der) (?:beitrag|artikel) enthält (?:werbung|affiliate|anzeigen)"
            r"[^\n]{0,150}"
            r"|hazte (?:miembro|socio)[^\n]{0,150}"
            r"|[^\n]{0,100}subscription will auto-?\s?renew[^\n]{0,100}"
        ),
        max_chars=400,
        starts=("if you ", "we rely on", "never miss", "do you want to", "want to",
                "would you like to", "submit", "send", "we want to hear", "follow ", "to view",
                "to read", "sie müssen", "du musst", "lust auf mehr", "dieser beitrag",
                "der beitrag", "dieser artikel", "der artikel", "dieser text", "der text",
                "dieser gastbeitrag", "der gastbeitrag", "dieser kommentar", "der kommentar",
                "the views", "the opinions", "this post", "this article", "this page",
                "we recommend", "¿ya sabías", "únete", "síguenos", "¡mira", ">", "»", "jetzt",
                "wir respektieren", "bild anzeigen", "rezept drucken", "bewerten", "(noch",
                "noch keine", "externer inhalt", "escucha esta nota", "quellen ", "*werbung",
                "*anzeige", "werbung", "anzeige", "hazte "),
        contains=("bei den verlinkungen", "bei den links", " als pdf ", "auto-renew",
                  "auto renew", "autorenew"),
    ),
)

CONTEXT_RULES: dict[str, str] = {
    "glued-alt-text": "Image alt-text glued to the end of a sentence: 'local needs’.Spacer'.",
    "menu-run": "A run of short, link-like lines: navigation menus, tag lists, related links.",
    "outside-core": "A line outside the article's densest run of prose (navigation, teasers, "
    "footers).",
    "low-content": "A line inside the article core that the line model (linemodel.py) reads as "
    "page chrome: a caption, teaser, menu or comment rather than article text.",
    "tail-section": "Everything after a 'Comments', 'Related articles' or 'More from' heading "
    "at the end of the article.",
    "page-tail": "Short labels and headings ending an HTML page's article container with no "
    "prose after them: 'Related posts', 'Like this:', 'More topics:'.",
    "page-tail-links": "A line mostly of links below the last paragraph of prose in an HTML "
    "page's article container: 'Related Topics …', a teaser, a list of other articles.",
    "standfirst-repeat": "A body paragraph that repeats the standfirst.",
    "head-caption": "A picture caption with its credit among the first lines of a text dump's "
    "core: '… (Credit: iStock)', '… (Foto: dpa)'.",
    "metadata": "A line consumed into the front-matter (headline, byline, date, standfirst).",
}

BY_NAME: dict[str, Rule] = {rule.name: rule for rule in (*RULES, *PAGE_RULES)}


# Lines are case-folded before matching, so the rules' case-insensitive patterns can run
# without ``re.IGNORECASE`` (two to three times faster), except on a line holding a
# character that is case-folded already yet matches a letter of the patterns only
# case-insensitively: the dotless "ı" matches "i". tests/test_rules.py checks that
# this is the only one.
FOLD_SPECIAL = frozenset("ı")


@dataclass(frozen=True)
class _Band:
    """The rules that can match a line of some length, merged for one pass.

    ``exact``: phrase -> table index of the first of the band's rules listing it;
    ``pattern``: the band's patterns as one alternation, one named group per
    rule in table order, so ``fullmatch`` finds the first rule whose pattern
    matches; ``guarded``: the band's rules that say where their matches start,
    end or what they hold (``Rule.starts``), each with a bit; ``fast``: for
    folded lines without ``FOLD_SPECIAL`` characters, the same alternation
    without case-insensitivity, leaving out the guarded rules whose bits are
    set in the index (a line that cannot match them does not try them);
    ``requires``: the rules with ``requires`` patterns, in order.
    """

    exact: dict[str, int]
    pattern: re.Pattern[str] | None
    guarded: tuple[tuple[int, Rule], ...]
    fast: tuple[re.Pattern[str] | None, ...]
    requires: tuple[tuple[int, Rule], ...]


def _band(indices: tuple[int, ...]) -> _Band:
    exact: dict[str, int] = {}
    alternatives: list[str] = []
    for index in indices:
        rule = RULES[index]
        for phrase in rule.exact:
            exact.setdefault(phrase, index)
        if rule.pattern is not None:
            text = rule.pattern.pattern
            flag = "i" if rule.pattern.flags & re.IGNORECASE else "-i"
            alternatives.append(f"(?P<r{index}>(?{flag}:{text}))")
    requires = tuple((index, RULES[index]) for index in indices if RULES[index].requires)
    patterned = [index for index in indices if RULES[index].pattern is not None]
    guarded = tuple(
        (1 << bit, RULES[index])
        for bit, index in enumerate(i for i in patterned if RULES[i].guarded)
    )
    fast: list[re.Pattern[str] | None] = []
    for left_out in range(1 << len(guarded)):
        skip = {id(rule) for bit, rule in guarded if left_out & bit}
        kept = [
            f"(?P<r{index}>{RULES[index].pattern.pattern})"  # type: ignore[union-attr]
            for index in patterned
            if id(RULES[index]) not in skip
        ]
        fast.append(re.compile("|".join(kept)) if kept else None)
    if not alternatives:
        return _Band(exact, None, guarded, tuple(fast), requires)
    return _Band(exact, re.compile("|".join(alternatives)), guarded, tuple(fast), requires)


# The rules that can match a line of each length, in table order: a long line of
# prose is tried against two rules, not eleven. Lengths with the same rules share a band.
_LONGEST = max(rule.max_chars for rule in RULES) + 1
_BAND_OF: dict[tuple[int, ...], _Band] = {}
_BANDS: tuple[_Band, ...] = tuple(
    _BAND_OF.setdefault(indices, _band(indices))
    for indices in (
        tuple(i for i, rule in enumerate(RULES) if length <= rule.max_chars)
        for length in range(_LONGEST + 1)
    )
)

# Image alt-text glued to the end of a sentence, e.g. "local needs’.Spacer". A match is
# at most ``GLUED_ALT_LONGEST`` characters long (tests/test_rules.py checks it).
GLUED_ALT = re.compile(
    rf"(?<=[.!?…’”\"')\]])(?:{_ALT_WORDS}|[A-Z][\w&-]{{0,20}}(?: [A-Z][\w&-]{{0,20}}){{0,3}}"
    rf" (?:logo|icon))$",
    re.IGNORECASE,
)

GLUED_ALT_LONGEST = 92
# A match ends the line with the last letter of an alt word, "logo" or "icon" (in any
# case the pattern accepts): a line ending otherwise is not searched.
GLUED_ALT_LAST = re.compile(
    "[" + "".join(sorted({word[-1] for word in _ALT_WORDS.split("|")} | {"o", "n"})) + "]",
    re.IGNORECASE,
)


def describe(name: str) -> str:
    """The description of rule ``name`` (line rule or context rule)."""
    if name in BY_NAME:
        return BY_NAME[name].description
    if name in CONTEXT_RULES:
        return CONTEXT_RULES[name]
    if name.startswith("repair:"):
        return "Text repaired: " + name.removeprefix("repair:").replace("+", ", ") + "."
    return ""


def compile_extra(patterns: Iterable[str]) -> tuple[re.Pattern[str], ...]:
    """Compile the configuration's extra boilerplate patterns."""
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


def match_line(line: str, extra: tuple[re.Pattern[str], ...] = ()) -> str | None:
    """Name of the first line rule that matches ``line``, else ``None``.

    Cached for lines up to 80 characters: menus, share buttons and footers
    repeat from page to page of a site, and within a page.

    >>> match_line("CIPFA logo")
    'image-alt'
    >>> match_line("Did you enjoy this article?")
    'feedback-prompt'
    >>> match_line("Addressing the conference yesterday, Redmond said so.") is None
    True
    """
    if len(line) <= 80:
        return _match_line_cached(line, extra)
    return _match_line(line, extra)


def _match_line(line: str, extra: tuple[re.Pattern[str], ...]) -> str | None:
    folded = line.casefold()
    band = _BANDS[min(len(folded), _LONGEST)]
    first = band.exact.get(folded, len(RULES))
    if band.pattern is not None:
        if folded.isascii() or FOLD_SPECIAL.isdisjoint(folded):
            left_out = 0
            for bit, rule in band.guarded:
                if not (
                    folded.startswith(rule.starts)
                    or folded.endswith(rule.ends)
                    or any(map(folded.__contains__, rule.contains))
                ):
                    left_out |= bit
            pattern = band.fast[left_out]
        else:
            pattern = band.pattern
        m = pattern.fullmatch(folded) if pattern is not None else None
        if m is not None and m.lastgroup is not None:
            first = min(first, int(m.lastgroup[1:]))
    for index, rule in band.requires:
        if index >= first:
            break
        if rule.hints_found(folded) and all(p.search(folded) for p in rule.requires):
            first = index
            break
    if first < len(RULES):
        return RULES[first].name
    for pattern in extra:
        if len(line) <= 1000 and pattern.fullmatch(line):
            return "user-pattern"
    return None


_match_line_cached = functools.lru_cache(maxsize=8192)(_match_line)


def match_page_line(line: str) -> str | None:
    """Name of the first rule of ``PAGE_RULES`` that matches ``line``, else ``None``.

    >>> match_page_line("Lesen Sie auch: Ein anderer Artikel")
    'cross-link'
    >>> match_page_line("(Foto: dpa)")
    'image-credit'
    >>> match_page_line("Photographs of the event were taken by many.") is None
    True
    """
    folded = line.casefold()
    for rule in PAGE_RULES:
        if len(folded) <= rule.max_chars and rule.pattern_may_match(folded) \
                and rule.matches(folded):
            return rule.name
    return None
