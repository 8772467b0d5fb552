"""Textos integrados en español del documento de la política (sustituibles en cada catálogo).

Variables: ``{site}``, ``{site_url}``, ``{controller}``, ``{consent_lifetime}``.
Los párrafos se separan con una línea en blanco. Las fechas vienen de CLDR.
"""

from __future__ import annotations

from typing import Final

from consent_tui.core.export.texts.common import cldr_date

SECTIONS: Final[dict[str, str]] = {
    "title": "Política de cookies",
    "intro": (
        "Esta página explica qué cookies y tecnologías similares utiliza {site}, para qué "
        "sirven y cómo puede aceptarlas, rechazarlas o retirar su consentimiento en cualquier "
        "momento."
    ),
    "what_is_a_cookie_title": "¿Qué es una cookie?",
    "what_is_a_cookie": (
        "Una cookie es un pequeño dato, identificado por un nombre, que un sitio web pide a "
        "su navegador que guarde. El navegador la conserva durante un tiempo determinado y la "
        "devuelve al sitio en cada visita posterior, de modo que el sitio puede reconocer su "
        "dispositivo.\n\n"
        "Las cookies tienen muchos usos: mantener su sesión iniciada, recordar su idioma o el "
        "contenido de una cesta de la compra, medir cómo se usa un sitio o seguir su "
        "navegación para mostrarle publicidad. Otras técnicas funcionan de la misma manera y "
        "siguen las mismas reglas: el almacenamiento del navegador (almacenamiento local, "
        "almacenamiento de sesión, IndexedDB) y los píxeles de seguimiento. En esta política, "
        "la palabra «cookies» se refiere a todas ellas."
    ),
    "kinds_of_cookies_title": "Tipos de cookies",
    "kinds_of_cookies": (
        "Las cookies necesarias hacen que el sitio funcione: mantienen abierta una sesión, "
        "protegen los formularios contra falsificaciones o recuerdan lo que ha decidido sobre "
        "las cookies. El servicio que ha solicitado no puede prestarse sin ellas, por lo que "
        "se instalan sin pedir su consentimiento.\n\n"
        "Las cookies de estadística cuentan las visitas y muestran cómo se usan las páginas. "
        "Necesitan su consentimiento, salvo que la medición solo sirva para el funcionamiento "
        "del sitio y dé cifras anónimas que no puedan asociarse a usted.\n\n"
        "Las cookies propias las instala el sitio que está visitando, con su propio dominio. "
        "Además de las necesarias, pueden recordar preferencias, medir la audiencia o "
        "personalizar el contenido; cuando no son necesarias, requieren su consentimiento.\n\n"
        "Las cookies de terceros las instala otra empresa (un servicio de analítica, una "
        "plataforma de vídeo, una red publicitaria...) a través de contenido integrado en la "
        "página. Permiten a esa empresa reconocer su navegador en todos los sitios que la "
        "utilizan, y siempre requieren su consentimiento."
    ),
    "cookies_used_title": "Cookies utilizadas en {site}",
    "cookies_used": (
        "Las tablas siguientes muestran, categoría por categoría, cada servicio que guarda o "
        "lee información en su dispositivo cuando visita {site}: quién lo presta, para qué "
        "sirve y qué cookies instala."
    ),
    "manage_consent_title": "Gestionar y retirar su consentimiento",
    "manage_consent": (
        "En su primera visita, un aviso le pregunta si acepta las cookies que requieren su "
        "consentimiento. Rechazarlas es tan fácil como aceptarlas, y rechazarlas no le impide "
        "usar el sitio.\n\n"
        "Puede cambiar su elección en cualquier momento abriendo de nuevo la configuración de "
        "cookies de {site}: retirar el consentimiento es tan sencillo como darlo. Su elección "
        "se conserva durante {consent_lifetime}; pasado ese plazo, o si cambia la lista de "
        "cookies, se le vuelve a preguntar."
    ),
    "browser_settings_title": "Configurar su navegador",
    "browser_settings": (
        "Todos los navegadores le permiten ver las cookies que guardan, borrarlas y bloquear "
        "todas las cookies o solo las de terceros. Estos ajustes suelen estar en el apartado "
        "de privacidad o seguridad de sus preferencias; sus páginas de ayuda explican los "
        "pasos.\n\n"
        "Si bloquea todas las cookies, puede que algunas partes de {site} dejen de funcionar, "
        "como el inicio de sesión o el recuerdo de su idioma."
    ),
    "controller_contact_title": "Responsable del tratamiento y contacto",
    "controller_contact": (
        "El responsable del tratamiento de los datos personales recogidos mediante estas "
        "cookies es {controller}. Para cualquier pregunta sobre esta política, o para ejercer "
        "sus derechos de acceso, rectificación, supresión y oposición, utilice los datos de "
        "contacto que figuran a continuación. También puede presentar una reclamación ante su "
        "autoridad de protección de datos."
    ),
    "changes_title": "Cambios en esta política",
}

LABELS: Final[dict[str, str]] = {
    "this_site": "este sitio web",
    "the_controller": "el editor de este sitio web",
    "other_title": "Otras cookies",
    "consent_required": "Estas cookies solo se instalan después de que usted las haya aceptado.",
    "consent_not_required": (
        "Estas cookies son necesarias para que el sitio funcione; se instalan sin pedir su "
        "consentimiento."
    ),
    "no_services": "Por ahora, ningún servicio de esta categoría instala cookies.",
    "colon": ": ",
    "controller": "Responsable del tratamiento",
    "contact": "Contacto",
    "website": "Sitio web",
    "last_updated": "Última actualización",
    "table_caption": "{category}: {services} y {cookies}",
    "services_1": "1 servicio",
    "services_n": "{n} servicios",
    "cookies_1": "1 cookie",
    "cookies_n": "{n} cookies",
    "first": "Propia",
    "third": "De terceros",
    "yes": "sí",
    "no": "no",
    "http_cookie": "Cookie HTTP",
    "local_storage": "Almacenamiento local",
    "session_storage": "Almacenamiento de sesión",
    "indexed_db": "IndexedDB",
    "pixel": "Píxel de seguimiento",
    "any_cookie": "cualquier cookie",
    "any_entry": "cualquier entrada",
    "starting": "{any} que empiece por {a}",
    "ending": "{any} que termine en {b}",
    "containing": "{any} que contenga {a}",
    "starting_ending": "{any} que empiece por {a} y termine en {b}",
    "matching": "{any} con la forma {a} (* sustituye a cualquier carácter)",
    "all_title": "Todas las cookies",
    "group_first": "Cookies propias",
    "group_third": "Cookies de terceros",
    "group_http_cookie": "Cookies HTTP",
    "group_local_storage": "Almacenamiento local",
    "group_session_storage": "Almacenamiento de sesión",
    "group_indexed_db": "IndexedDB",
    "group_pixel": "Píxeles de seguimiento",
    "duration_session": "sesión",
    "duration_persistent": "persistente",
}

COLUMNS: Final[dict[str, str]] = {
    "provider": "Nombre del proveedor del servicio",
    "function_location": "Función y ubicación",
    "cookies": "Nombre(s) de la cookie",
    "purposes": "Finalidades",
    "duration": "Duración",
    "type": "Tipo",
    "party": "Origen",
    "domain": "Dominio",
    "description": "Descripción",
    "privacy_policy": "Política de privacidad",
    "service": "Servicio",
    "function": "Función",
    "location": "Ubicación",
    "category": "Categoría",
    "purpose_titles": "Finalidades",
    "path": "Ruta",
    "cookie_description": "Descripción",
    "service_description": "Descripción del servicio",
    "country": "País",
    "safeguard": "Garantía de la transferencia",
}


def date(day: int, month: int, year: int) -> str:
    return cldr_date(day, month, year, "es")


CSV: Final[dict[str, str]] = {
    "service": "Servicio",
    "provider": "Proveedor",
    "category": "Categoría",
    "consent": "Requiere consentimiento",
    "purposes": "Finalidades",
    "cookie": "Cookie",
    "pattern": "Coincidencia",
    "type": "Tipo",
    "domain": "Dominio",
    "path": "Ruta",
    "duration": "Duración",
    "duration_seconds": "Duración (segundos)",
    "duration_note": "Nota sobre la duración",
    "party": "Origen",
    "description": "Descripción",
    "privacy_policy": "Política de privacidad",
    "country": "País",
}
