// Loaded first by every page that runs the calculator (calculator EN/FR, embed frame EN/FR),
// before PyScript. PyScript 0.7.31 awaits an IndexedDB store at start-up (its packages cache,
// opened even with no packages). Where the browser denies IndexedDB (Chrome's "Block all
// cookies", which also denies localStorage, Cache Storage and service workers; third-party
// frames under blocked third-party cookies; some private modes) that open fails and PyScript
// never starts. So indexedDB.open is wrapped: the real database when the browser gives one,
// an in-memory stand-in when it refuses (nothing the page needs is stored there anyway). No
// user data is read or written here.

// The part of IndexedDB that PyScript's store uses (a database with one object store:
// get/put/delete/keys/count/clear), answered from a Map, each request completed in a task.
function memoryDatabase() {
  const data = new Map();
  const later = (value) => {
    const request = { result: value };
    setTimeout(() => request.onsuccess && request.onsuccess({ target: request }));
    return request;
  };
  const store = {
    count: () => later(data.size), clear: () => { data.clear(); return later(undefined); },
    delete: (k) => { data.delete(k); return later(undefined); }, get: (k) => later(data.get(k)),
    getKey: (k) => later(data.has(k) ? k : undefined), getAllKeys: () => later([...data.keys()]),
    getAll: () => later([...data.values()]),
    put: (v, k) => { data.set(k, v); return later(k); },
  };
  return { objectStoreNames: { length: 1, contains: () => true },
    transaction: () => ({ objectStore: () => store }), close() {} };
}

// An open request that PyScript fills with on* handlers after the call (Object.assign), whose
// success is the real database or, on any failure, the stand-in.
function fallbackOpen(open) {
  return (name, version) => {
    const request = {};
    const fallback = () => {
      request.result = memoryDatabase();
      if (request.onsuccess) request.onsuccess({ target: request });
    };
    let real;
    try {
      real = open(name, version);
    } catch (e) {              // some browsers throw instead of failing the request
      setTimeout(fallback);
      return request;
    }
    real.onupgradeneeded = (e) => request.onupgradeneeded && request.onupgradeneeded(e);
    real.onblocked = (e) => request.onblocked && request.onblocked(e);
    real.onsuccess = (e) => {
      request.result = real.result;
      if (request.onsuccess) request.onsuccess(e);
    };
    real.onerror = (e) => {
      e.preventDefault();      // handled: no console error for a refusal we expected
      fallback();
    };
    return request;
  };
}

try {
  if (self.indexedDB) {
    indexedDB.open = fallbackOpen(indexedDB.open.bind(indexedDB));
  } else {
    // No IndexedDB at all: a stand-in whose every open gets the in-memory database.
    Object.defineProperty(self, "indexedDB", { configurable: true,
      value: { open: fallbackOpen(() => { throw new Error("no IndexedDB"); }) } });
  }
} catch (e) { /* the page starts as it would have without the fallback */ }
