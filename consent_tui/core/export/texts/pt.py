"""Textos portugueses integrados do documento da política (substituíveis em cada catálogo).

Variáveis: ``{site}``, ``{site_url}``, ``{controller}``, ``{consent_lifetime}``.
Os parágrafos são separados por uma linha em branco. As datas vêm do CLDR.
"""

from __future__ import annotations

from typing import Final

from consent_tui.core.export.texts.common import cldr_date

SECTIONS: Final[dict[str, str]] = {
    "title": "Política de cookies",
    "intro": (
        "Esta página explica que cookies e tecnologias semelhantes {site} utiliza, para que "
        "servem e como pode aceitá-los, recusá-los ou retirar o seu consentimento a qualquer "
        "momento."
    ),
    "what_is_a_cookie_title": "O que é um cookie?",
    "what_is_a_cookie": (
        "Um cookie é uma pequena informação, identificada por um nome, que um site pede ao "
        "seu navegador para guardar. O navegador conserva essa informação durante um período "
        "determinado e envia-a de volta ao site em cada visita seguinte, para que o site possa "
        "reconhecer o seu dispositivo.\n\n"
        "Os cookies têm muitas utilizações: manter a sua sessão iniciada, lembrar o seu idioma "
        "ou o conteúdo de um carrinho de compras, medir a forma como um site é utilizado ou "
        "seguir a sua navegação para lhe mostrar publicidade. Outras técnicas funcionam da "
        "mesma forma e seguem as mesmas regras: o armazenamento do navegador (armazenamento "
        "local, armazenamento de sessão, IndexedDB) e os píxeis de rastreamento. Nesta "
        "política, a palavra «cookies» abrange todas elas."
    ),
    "kinds_of_cookies_title": "Tipos de cookies",
    "kinds_of_cookies": (
        "Os cookies necessários fazem o site funcionar: mantêm uma sessão aberta, protegem os "
        "formulários contra falsificação ou guardam as escolhas que fez sobre os cookies. O "
        "serviço que pediu não pode ser prestado sem eles, por isso são instalados sem pedir o "
        "seu consentimento.\n\n"
        "Os cookies de estatística contam as visitas e mostram como as páginas são utilizadas. "
        "Precisam do seu consentimento, a menos que a medição sirva apenas para o "
        "funcionamento do site e produza números anónimos que não possam ser associados a "
        "si.\n\n"
        "Os cookies próprios são instalados pelo site que está a visitar, com o seu próprio "
        "domínio. Além dos necessários, podem guardar preferências, medir a audiência ou "
        "personalizar conteúdos; quando não são necessários, precisam do seu "
        "consentimento.\n\n"
        "Os cookies de terceiros são instalados por outra empresa (um serviço de estatísticas, "
        "uma plataforma de vídeo, uma rede de publicidade...) através de conteúdos "
        "incorporados na página. Permitem que essa empresa reconheça o seu navegador em todos "
        "os sites que a utilizam, e precisam sempre do seu consentimento."
    ),
    "cookies_used_title": "Cookies utilizados em {site}",
    "cookies_used": (
        "As tabelas abaixo indicam, categoria a categoria, cada serviço que guarda ou lê "
        "informações no seu dispositivo quando visita {site}: quem o fornece, para que serve e "
        "que cookies instala."
    ),
    "manage_consent_title": "Gerir e retirar o seu consentimento",
    "manage_consent": (
        "Na sua primeira visita, um aviso pergunta se aceita os cookies que precisam do seu "
        "consentimento. Recusar é tão fácil como aceitar, e recusar não o impede de utilizar "
        "o site.\n\n"
        "Pode alterar as suas escolhas a qualquer momento, abrindo de novo as definições de "
        "cookies de {site}: retirar o consentimento é tão simples como dá-lo. As suas escolhas "
        "são guardadas durante {consent_lifetime}; depois disso, ou quando a lista de cookies "
        "mudar, a pergunta volta a ser feita."
    ),
    "browser_settings_title": "Configurar o seu navegador",
    "browser_settings": (
        "Todos os navegadores permitem ver os cookies que guardam, apagá-los e bloquear todos "
        "os cookies ou apenas os de terceiros. Estas definições encontram-se normalmente na "
        "parte de privacidade ou segurança das preferências; as páginas de ajuda do navegador "
        "explicam os passos.\n\n"
        "Bloquear todos os cookies pode impedir o funcionamento de algumas partes de {site}, "
        "como o início de sessão ou a memorização do seu idioma."
    ),
    "controller_contact_title": "Responsável pelo tratamento e contacto",
    "controller_contact": (
        "O responsável pelo tratamento dos dados pessoais recolhidos através destes cookies é "
        "{controller}. Para qualquer questão sobre esta política, ou para exercer os seus "
        "direitos de acesso, retificação, apagamento e oposição, utilize os contactos abaixo. "
        "Pode também apresentar uma reclamação à sua autoridade de proteção de dados."
    ),
    "changes_title": "Alterações a esta política",
}

LABELS: Final[dict[str, str]] = {
    "this_site": "este site",
    "the_controller": "o editor deste site",
    "other_title": "Outros cookies",
    "consent_required": "Estes cookies só são instalados depois de os ter aceitado.",
    "consent_not_required": (
        "Estes cookies são necessários para o funcionamento do site; são instalados sem pedir "
        "o seu consentimento."
    ),
    "no_services": "De momento, nenhum serviço desta categoria instala cookies.",
    "colon": ": ",
    "controller": "Responsável pelo tratamento",
    "contact": "Contacto",
    "website": "Site",
    "last_updated": "Última atualização",
    "table_caption": "{category}: {services} e {cookies}",
    "services_1": "1 serviço",
    "services_n": "{n} serviços",
    "cookies_1": "1 cookie",
    "cookies_n": "{n} cookies",
    "first": "Próprio",
    "third": "De terceiros",
    "yes": "sim",
    "no": "não",
    "http_cookie": "Cookie HTTP",
    "local_storage": "Armazenamento local",
    "session_storage": "Armazenamento de sessão",
    "indexed_db": "IndexedDB",
    "pixel": "Píxel de rastreamento",
    "any_cookie": "qualquer cookie",
    "any_entry": "qualquer entrada",
    "starting": "{any} que comece por {a}",
    "ending": "{any} que termine em {b}",
    "containing": "{any} que contenha {a}",
    "starting_ending": "{any} que comece por {a} e termine em {b}",
    "matching": "{any} com a forma {a} (* substitui quaisquer caracteres)",
    "all_title": "Todos os cookies",
    "group_first": "Cookies próprios",
    "group_third": "Cookies de terceiros",
    "group_http_cookie": "Cookies HTTP",
    "group_local_storage": "Armazenamento local",
    "group_session_storage": "Armazenamento de sessão",
    "group_indexed_db": "IndexedDB",
    "group_pixel": "Píxeis de rastreamento",
    "duration_session": "sessão",
    "duration_persistent": "persistente",
}

COLUMNS: Final[dict[str, str]] = {
    "provider": "Nome do fornecedor do serviço",
    "function_location": "Função e localização",
    "cookies": "Nome(s) do cookie",
    "purposes": "Finalidades",
    "duration": "Duração",
    "type": "Tipo",
    "party": "Origem",
    "domain": "Domínio",
    "description": "Descrição",
    "privacy_policy": "Política de privacidade",
    "service": "Serviço",
    "function": "Função",
    "location": "Localização",
    "category": "Categoria",
    "purpose_titles": "Finalidades",
    "path": "Caminho",
    "cookie_description": "Descrição",
    "service_description": "Descrição do serviço",
    "country": "País",
    "safeguard": "Garantia da transferência",
}


def date(day: int, month: int, year: int) -> str:
    return cldr_date(day, month, year, "pt")


CSV: Final[dict[str, str]] = {
    "service": "Serviço",
    "provider": "Fornecedor",
    "category": "Categoria",
    "consent": "Consentimento necessário",
    "purposes": "Finalidades",
    "cookie": "Cookie",
    "pattern": "Correspondência",
    "type": "Tipo",
    "domain": "Domínio",
    "path": "Caminho",
    "duration": "Duração",
    "duration_seconds": "Duração (segundos)",
    "duration_note": "Nota sobre a duração",
    "party": "Origem",
    "description": "Descrição",
    "privacy_policy": "Política de privacidade",
    "country": "País",
}
