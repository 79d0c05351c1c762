// IndexedDB for persistence tests; each test opens its own database name.
import 'fake-indexeddb/auto';
