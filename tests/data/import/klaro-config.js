// Klaro configuration of the Example Bakery site (written by hand, Klaro 0.7).
// It is loaded before klaro.js.
var klaroConfig = {
    version: 1,
    elementID: 'klaro',
    storageMethod: 'cookie',
    cookieName: 'klaro',
    cookieExpiresAfterDays: 120,
    privacyPolicy: '/privacy/',
    default: false,
    mustConsent: false,
    acceptAll: true,
    lang: 'en',
    translations: {
        zz: {
            privacyPolicyUrl: '/privacy/',
        },
        de: {
            privacyPolicyUrl: '/de/datenschutz/',
            purposes: {
                analytics: { title: 'Besucherstatistik', description: 'Wir zählen Besuche.' },
                marketing: 'Werbung',
                functional: { title: 'Grundfunktionen' },
            },
        },
        en: {
            privacyPolicyUrl: '/privacy/',
            purposes: {
                analytics: { title: 'Analytics', description: 'We count visits.' },
                marketing: 'Marketing',
                functional: { title: 'Basic functions' },
            },
        },
    },
    services: [
        {
            name: 'matomo',
            default: true,
            translations: {
                zz: { title: 'Matomo/Piwik' },
                en: { description: 'Matomo is a simple, self-hosted analytics service.' },
                de: { description: 'Matomo ist ein einfacher, selbstgehosteter Analysedienst.' },
            },
            purposes: ['analytics'],
            cookies: [
                [/^_pk_.*$/, '/', 'bakery.example'],
                'piwik_ignore',
            ],
            callback: function (consent, service) {
                console.log('User consent for service ' + service.name + ': consent=' + consent);
            },
            required: false,
            optOut: false,
            onlyOnce: true,
        },
        {
            name: 'youtube',
            title: 'YouTube',
            purposes: ['marketing'],
            cookies: [/^VISITOR_INFO1_LIVE$/, /YSC/, /^(yt|YT)-.*$/],
            onAccept: `if (window.yt) { window.yt.load(); }`,
        },
        {
            name: 'session',
            title: 'Session',
            purposes: ['functional'],
            required: true,
            cookies: ['bakery_session'],
        },
    ],
    callback: function (consent, service) {},
};
