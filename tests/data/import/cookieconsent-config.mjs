import 'https://cdn.jsdelivr.net/gh/orestbida/cookieconsent@3.1.0/dist/cookieconsent.umd.js';

/**
 * vanilla-cookieconsent v3 configuration of Example Books.
 */
CookieConsent.run({
    guiOptions: {
        consentModal: { layout: 'box', position: 'bottom right' },
        preferencesModal: { layout: 'box' },
    },
    revision: 2,
    cookie: { name: 'cc_cookie', expiresAfterDays: 182 },
    categories: {
        necessary: {
            enabled: true,
            readOnly: true,
        },
        analytics: {
            autoClear: {
                cookies: [
                    { name: /^_ga/ },
                    { name: '_gid' },
                ],
            },
            services: {
                ga: {
                    label: 'Google Analytics',
                    onAccept: () => { loadGoogleAnalytics(); },
                    onReject: () => {},
                },
            },
        },
        ads: {},
    },
    onConsent: ({ cookie }) => { console.log('consent', cookie); },
    language: {
        default: 'en',
        autoDetect: 'browser',
        translations: {
            en: {
                consentModal: {
                    title: 'We use cookies',
                    description: 'Cookie modal description',
                    acceptAllBtn: 'Accept all',
                    acceptNecessaryBtn: 'Reject all',
                    showPreferencesBtn: 'Manage individual preferences',
                },
                preferencesModal: {
                    title: 'Manage cookie preferences',
                    acceptAllBtn: 'Accept all',
                    acceptNecessaryBtn: 'Reject all',
                    savePreferencesBtn: 'Accept current selection',
                    closeIconLabel: 'Close modal',
                    sections: [
                        { title: 'Somebody said ... cookies?', description: 'I want one!' },
                        {
                            title: 'Strictly Necessary cookies',
                            description: 'These cookies are essential for the proper functioning of the website and cannot be disabled.',
                            linkedCategory: 'necessary',
                            cookieTable: {
                                headers: { name: 'Name', domain: 'Service', desc: 'Description', exp: 'Expiration' },
                                body: [
                                    { name: 'cc_cookie', domain: 'Example Books', desc: 'Stores your cookie choices.', exp: '6 months' },
                                ],
                            },
                        },
                        {
                            title: 'Performance and Analytics',
                            description: 'These cookies collect information about how you use our website.',
                            linkedCategory: 'analytics',
                            cookieTable: {
                                headers: { name: 'Name', domain: 'Service', desc: 'Description', exp: 'Expiration' },
                                body: [
                                    { name: '_ga', domain: 'Google Analytics', desc: 'Cookie set by <a href="https://business.safety.google/adscookies/">Google Analytics</a>', exp: '2 years' },
                                    { name: '_gid', domain: 'Google Analytics', desc: 'Cookie set by <a href="#das">Google Analytics</a>', exp: '1 day' },
                                ],
                            },
                        },
                        { title: 'Targeting and Advertising', description: 'These cookies are used to make advertising messages more relevant to you.', linkedCategory: 'ads' },
                        { title: 'More information', description: 'For any queries in relation to my policy on cookies and your choices, please <a href="#contact-page">contact us</a>' },
                    ],
                },
            },
        },
    },
});
