function (w, plan) {
  "use strict";
  // What the generated banners add to the libraries: Google consent mode signals and the
  // removal of refused services' local and session storage. `plan` is data written by
  // consent-tui from the catalogue; nothing in it is ever run or parsed as code.
  var consentMode = plan.types.length !== 0;
  var existing = w.consentTuiConsentMode;

  function gtag() {
    w.gtag.apply(w, arguments);
  }

  function holdersOf(type) {
    return plan.holders.filter(function (holder) {
      return holder.types.indexOf(type) !== -1;
    });
  }

  // A type is granted when every service mapped to it is kept (required ones always are).
  function states(kept) {
    var out = {};
    plan.types.forEach(function (type) {
      var holders = holdersOf(type);
      var granted = holders.length !== 0 && holders.every(function (holder) {
        return holder.required || kept(holder) === true;
      });
      out[type] = granted ? "granted" : "denied";
    });
    return out;
  }

  function update(kept) {
    if (consentMode) gtag("consent", "update", states(kept));
  }

  function matches(names, key) {
    return names.some(function (name) {
      return typeof name === "string" ? name === key : name.test(key);
    });
  }

  // Keys of refused services go; a key a kept service also declares stays.
  function clear(kept) {
    [["local", "localStorage"], ["session", "sessionStorage"]].forEach(function (kind) {
      var store = null;
      try {
        store = w[kind[1]];
      } catch (blocked) {
        return;
      }
      if (!store) return;
      var keep = [], drop = [];
      plan.storage.forEach(function (entry) {
        (entry.required || kept(entry) === true ? keep : drop).push(entry[kind[0]]);
      });
      var keys = [];
      for (var i = 0; i !== store.length; i++) keys.push(store.key(i));
      keys.forEach(function (key) {
        var refused = drop.some(function (names) { return matches(names, key); });
        var needed = keep.some(function (names) { return matches(names, key); });
        if (refused && !needed) store.removeItem(key);
      });
    });
  }

  function choose(choice) {
    var categories = (choice && choice.categories) || [];
    var services = (choice && choice.services) || [];
    update(function (holder) {
      return services.indexOf(holder.service) !== -1 || categories.indexOf(holder.category) !== -1;
    });
  }

  if (consentMode && !existing) {
    w.dataLayer = w.dataLayer || [];
    if (typeof w.gtag !== "function") {
      w.gtag = function () {
        w.dataLayer.push(arguments);
      };
    }
    var defaults = states(function () { return false; });
    if (plan.wait !== null) defaults.wait_for_update = plan.wait;
    if (plan.region !== null) defaults.region = plan.region;
    gtag("consent", "default", defaults);
    if (plan.redaction !== null) gtag("set", "ads_data_redaction", plan.redaction);
    if (plan.passthrough !== null) gtag("set", "url_passthrough", plan.passthrough);
    w.consentTuiConsentMode = { update: choose };
  }

  return {
    // Klaro calls each service's onAccept or onDecline, with `opts.confirmed`, every
    // time it applies consents: on each page load and after each choice.
    klaro: function (config) {
      var state = Object.create(null), pending = false, confirmed = false, sent = false;
      function kept(entry) {
        return state[entry.service] === true;
      }
      function flush() {
        pending = false;
        if (confirmed || sent) {
          update(kept);
          sent = true;
        }
        clear(kept);
      }
      function record(accepted) {
        return function (opts) {
          state[opts.service.name] = accepted;
          confirmed = opts.confirmed === true;
          if (!pending) {
            pending = true;
            Promise.resolve().then(flush);
          }
        };
      }
      config.services.forEach(function (service) {
        service.onAccept = record(true);
        service.onDecline = record(false);
      });
    },
    // vanilla-cookieconsent fires onConsent on the first choice and on each later page
    // load, onChange when the visitor changes a choice. A refused category can still
    // list its services as accepted: a service is kept only when both are.
    cookieconsent: function (library, config) {
      function kept(entry) {
        var category = library.acceptedCategory(entry.category);
        return entry.service === null
          ? category
          : category && library.acceptedService(entry.service, entry.category);
      }
      function sync() {
        update(kept);
        clear(kept);
      }
      config.onConsent = sync;
      config.onChange = sync;
    },
  };
}
