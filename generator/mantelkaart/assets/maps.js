/* Mantelkaart maps: Leaflet with marker clustering, self-hosted, loaded only when a map is shown.
 *
 * A map container (.mk-map) carries the tile server in data attributes (data-tiles,
 * data-attribution, data-attribution-url). Service pages list their points inside the
 * container (li[data-lat][data-lon]); those maps start when they scroll into view
 * (IntersectionObserver), so no tile is requested for a map nobody sees. The finder
 * starts its map itself through window.MantelkaartMaps.create().
 *
 * Works with mkdocs-material's instant navigation: every page change removes the
 * previous page's maps before starting the new ones.
 */
(function () {
  "use strict";

  var ASSETS = new URL(".", document.currentScript.src);
  var VENDOR = "vendor/leaflet/";
  var MAX_ZOOM = 18; // marker clustering needs a maximum zoom
  var leaflet = null;
  var live = []; // maps and observers of the current page

  function asset(name) {
    return new URL(name, ASSETS).href;
  }

  function loadStyle(name) {
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = asset(name);
    document.head.appendChild(link);
  }

  function loadScript(name) {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = asset(name);
      tag.onload = resolve;
      tag.onerror = function () {
        reject(new Error("Kan " + name + " niet laden"));
      };
      document.head.appendChild(tag);
    });
  }

  function loadLeaflet() {
    if (!leaflet) {
      loadStyle(VENDOR + "leaflet.css");
      loadStyle(VENDOR + "MarkerCluster.css");
      loadStyle(VENDOR + "MarkerCluster.Default.css");
      leaflet = loadScript(VENDOR + "leaflet.js").then(function () {
        return loadScript(VENDOR + "leaflet.markercluster.js");
      });
      leaflet.catch(function () {
        leaflet = null; // try again next time
      });
    }
    return leaflet;
  }

  function escapeText(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span.innerHTML;
  }

  function attribution(container) {
    var text = escapeText(container.getAttribute("data-attribution") || "");
    var href = container.getAttribute("data-attribution-url") || "";
    if (/^https?:\/\//.test(href)) {
      return '<a href="' + escapeText(href).replace(/"/g, "&quot;") + '">' + text + "</a>";
    }
    return text;
  }

  /* A map in `container` (made visible by the caller). Resolves to a handle with
   * setMarkers([{lat, lon, title, content}]) and remove(). */
  function create(container) {
    return loadLeaflet().then(function () {
      var L = window.L;
      var map = L.map(container, { maxZoom: MAX_ZOOM, scrollWheelZoom: false });
      map.attributionControl.setPrefix(false);
      L.tileLayer(container.getAttribute("data-tiles"), {
        maxZoom: MAX_ZOOM,
        attribution: attribution(container),
      }).addTo(map);
      map.setView([52.1, 5.3], 7);
      var cluster = L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false });
      map.addLayer(cluster);
      var handle = {
        map: map,
        setMarkers: function (markers) {
          cluster.clearLayers();
          var layers = markers.map(function (marker) {
            var layer = L.marker([marker.lat, marker.lon], { title: marker.title, alt: marker.title });
            if (marker.content) layer.bindPopup(marker.content);
            return layer;
          });
          cluster.addLayers(layers);
          if (layers.length === 1) map.setView(layers[0].getLatLng(), 15);
          else if (layers.length > 1) map.fitBounds(cluster.getBounds(), { padding: [24, 24], maxZoom: 15 });
        },
        refresh: function () {
          map.invalidateSize();
        },
        remove: function () {
          if (handle.removed) return;
          handle.removed = true;
          map.remove();
        },
      };
      live.push(handle);
      return handle;
    });
  }

  /* Service pages: a small map of the points listed in the container, once it is on screen. */
  function startLocationMap(container) {
    var points = Array.prototype.map.call(container.querySelectorAll("li[data-lat]"), function (item) {
      var label = item.textContent.trim();
      return {
        lat: parseFloat(item.getAttribute("data-lat")),
        lon: parseFloat(item.getAttribute("data-lon")),
        title: label,
        content: escapeText(label),
      };
    });
    if (!points.length) return;
    container.hidden = false;
    var observer = new IntersectionObserver(function (entries) {
      if (!entries.some(function (entry) { return entry.isIntersecting; })) return;
      observer.disconnect();
      create(container).then(function (handle) {
        handle.setMarkers(points);
      });
    });
    observer.observe(container);
    live.push({ remove: function () { observer.disconnect(); } });
  }

  function teardown() {
    live.forEach(function (item) {
      try {
        item.remove();
      } catch (error) {
        /* the page is already gone */
      }
    });
    live = [];
  }

  function start() {
    teardown();
    document.querySelectorAll(".mk-map--small").forEach(startLocationMap);
  }

  window.MantelkaartMaps = { create: create };
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
