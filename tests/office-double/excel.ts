/**
 * A strict in-memory double of the Excel JavaScript API, for the subset the Office host uses.
 *
 * It behaves as Excel does where the host could get it wrong:
 * - every proxy property throws PropertyNotLoaded until it was `load`ed AND `context.sync()` ran;
 * - writes are queued and reach the workbook only at `sync()`, in queue order with the loads;
 * - objects are re-resolved in each batch (getActiveWorksheet() follows the active sheet, a used
 *   range follows the data), and proxies die with their Excel.run;
 * - each sync measures the JSON it would send and receive and fails past 5 MB, as Excel on the
 *   web does (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded);
 * - APIs newer than the configured ExcelApi version fail at sync with ApiNotFound;
 * - strings written to `values` are coerced as Excel coerces typed input ("12" → 12, "TRUE" →
 *   true) unless the cell's number format is text ("@"); formulas ("=…") are not modelled and fail;
 * - a cell-edit-mode switch makes the next N Excel.run calls fail with InvalidOperationInCellEditMode.
 *
 * The workbook is plain data (state.ts) so that tests can build it and compare it cell by cell.
 */
import { type Area, MAX_COLUMNS, MAX_ROWS, cellCount, intersects, letters, parseAddress, qualifiedAddress, quoteSheetName } from './a1';
import {
  OfficeDoubleError,
  apiNotFound,
  cellEditMode,
  invalidArgument,
  invalidObjectPath,
  itemNotFound,
  propertyNotLoaded,
  requestTooLarge,
  responseTooLarge,
  valueNotLoaded,
} from './errors';
import {
  type CellData,
  type DoubleValue,
  type FillData,
  type CustomXmlPartData,
  type NameData,
  type SheetData,
  type SheetVisibilityValue,
  type WorkbookData,
  type ValidationData,
  type ChartData,
  type ChartSeriesData,
  type TableData,
  DEFAULT_COLUMN_WIDTH,
  ProtectedError,
  assertUnprotected,
  DEFAULT_NUMBER_FORMAT,
  clearValidation,
  createWorkbook,
  mergesIn,
  newSheet,
  readCell,
  setValidation,
  updateCell,
  keyToCell,
  usedArea,
  validationsIn,
} from './state';

export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export interface ExcelDoubleOptions {
  /** Highest ExcelApi requirement set this "Excel" supports, e.g. "1.7", "1.13", "1.18". Default 1.18. */
  apiVersion?: string;
  /** Office.context.displayLanguage. Default "ja-JP". */
  displayLanguage?: string;
  workbook?: WorkbookData;
  /** Request and response limit per sync. Default 5 MB, as Excel on the web. */
  payloadLimitBytes?: number;
  /** getMergedAreasOrNullObject fails past this many areas (Excel: 512). */
  maxMergedAreas?: number;
  /** Author of notes the add-in creates. */
  userName?: string;
  /**
   * How RangeAreas.address spells merged areas: 'exact', or 'topLeft' as some Excel builds do
   * (only each area's top-left cell; office-js #1590).
   */
  mergedAreasAddress?: 'exact' | 'topLeft';
}

/** One sync as the double saw it. */
export interface SyncRecord {
  index: number;
  requestBytes: number;
  responseBytes: number;
  operations: number;
  loads: number;
  writes: number;
  /** suspendApiCalculationUntilNextSync() was queued before the first write of this sync. */
  calculationSuspended: boolean;
  screenUpdatingSuspended: boolean;
  error?: string;
}

export interface DoubleStats {
  runs: number;
  syncs: number;
  largestRequestBytes: number;
  largestResponseBytes: number;
  totalRequestBytes: number;
  totalResponseBytes: number;
  log: SyncRecord[];
}

interface Exec {
  wb: WorkbookData;
  batch: number;
  double: ExcelDouble;
  calculationSuspended: boolean;
  screenUpdatingSuspended: boolean;
  writesSoFar: number;
}

interface LoadOutcome {
  payload: unknown;
  commit: () => void;
}

interface Operation {
  kind: 'create' | 'load' | 'write' | 'call';
  api: string;
  minVersion?: string;
  describe: () => unknown;
  run: (x: Exec) => LoadOutcome | void;
}

/** What `load` accepts: "a, b/c", ["a", "b/c"], { select, expand }, or { a: true, b: { c: true } }. */
export type LoadSpec = string | string[] | { select?: string; expand?: string } | { [key: string]: unknown };

/** UTF-8 length of a string, as Buffer.byteLength gives it (counted here: the double also runs in a browser). */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4; // a surrogate pair
      i++;
    } else bytes += 3; // lone surrogates become U+FFFD, 3 bytes, as in Buffer
  }
  return bytes;
}

function versionNumber(version: string): number {
  const [major, minor = '0'] = version.split('.');
  return Number(major) * 1000 + Number(minor);
}

function specToPaths(spec: LoadSpec | undefined): string[] | undefined {
  if (spec === undefined) return undefined;
  if (typeof spec === 'string') {
    return spec
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }
  if (Array.isArray(spec)) return spec.flatMap((s) => specToPaths(s) ?? []);
  const obj = spec as Record<string, unknown>;
  if (typeof obj.select === 'string' || typeof obj.expand === 'string') {
    const select = typeof obj.select === 'string' ? specToPaths(obj.select) ?? [] : [];
    const expand = typeof obj.expand === 'string' ? specToPaths(obj.expand) ?? [] : [];
    return [...select, ...expand];
  }
  const out: string[] = [];
  for (const [key, value] of Object.entries(obj)) {
    if (value === true) out.push(key);
    else if (value && typeof value === 'object') {
      const sub = specToPaths(value as LoadSpec) ?? [];
      for (const s of sub) out.push(`${key}/${s}`);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The request context and the base of every proxy
// ---------------------------------------------------------------------------------------------

export class DoubleRequestContext {
  readonly workbook: DoubleWorkbook;
  readonly application: DoubleApplication;
  readonly trackedObjects = { add: (_o: unknown): void => undefined, remove: (_o: unknown): void => undefined };
  private queue: Operation[] = [];
  private closed = false;

  constructor(
    readonly double: ExcelDouble,
    readonly inCellEditMode: boolean,
  ) {
    this.workbook = new DoubleWorkbook(this, 'workbook');
    this.application = this.workbook.application;
  }

  assertOpen(): void {
    if (this.closed) throw invalidObjectPath();
  }

  enqueue(op: Operation): void {
    this.assertOpen();
    this.queue.push(op);
  }

  get pendingOperations(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    this.assertOpen();
    const ops = this.queue;
    this.queue = [];
    await Promise.resolve();
    this.double.execute(this, ops);
  }

  close(): void {
    this.closed = true;
  }
}

abstract class DoubleObject {
  protected readonly loaded = new Map<string, unknown>();

  /** @internal: an object the add-in creates (add, getRange…), checked against the API version at sync. */
  created(api: string, minVersion?: string): void {
    this.queueCreate(api, minVersion);
  }

  /** @internal: values loaded through a collection's items. */
  acceptLoaded(values: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(values)) this.loaded.set(k, v);
    this.loaded.set('isNullObject', false);
  }

  constructor(
    readonly context: DoubleRequestContext,
    readonly objectPath: string,
  ) {}

  /** Scalar properties `load` can fetch (and `load()` without arguments fetches). */
  protected abstract scalarNames(): readonly string[];
  /** Navigation properties (format, fill, …). */
  protected child(_name: string): DoubleObject | undefined {
    return undefined;
  }
  /** ExcelApi version a property needs, where newer than the object. */
  protected propertyVersion(_name: string): string | undefined {
    return undefined;
  }
  /** @internal Whether the object resolves to nothing in this batch (throws when it cannot resolve at all). */
  abstract isNullIn(x: Exec): boolean;
  protected abstract readScalar(x: Exec, name: string): unknown;

  protected loadedProperty<T>(name: string): T {
    this.context.assertOpen();
    if (!this.loaded.has(name)) throw propertyNotLoaded(name);
    return this.loaded.get(name) as T;
  }

  /** isNullObject: known after the sync that ran the call creating this object. */
  get isNullObject(): boolean {
    return this.loadedProperty<boolean>('isNullObject');
  }

  load(spec?: LoadSpec): this {
    this.context.assertOpen();
    const paths = specToPaths(spec) ?? [...this.scalarNames()];
    const mine: string[] = [];
    const children = new Map<string, string[]>();
    for (const path of paths) {
      const [head, ...rest] = path.split('/');
      if (rest.length === 0 && this.scalarNames().includes(head)) {
        if (!mine.includes(head)) mine.push(head);
        continue;
      }
      if (this.child(head)) {
        const list = children.get(head) ?? [];
        if (rest.length) list.push(rest.join('/'));
        children.set(head, list);
        continue;
      }
      throw invalidArgument(`The property '${path}' does not exist on ${this.constructor.name.replace('Double', '')}.`);
    }
    for (const [name, sub] of children) this.child(name)!.load(sub.length ? sub : undefined);
    if (mine.length) this.queueLoad(mine);
    return this;
  }

  protected queueLoad(names: string[]): void {
    this.context.enqueue({
      kind: 'load',
      api: `${this.objectPath}.load`,
      describe: () => ({ path: this.objectPath, load: names }),
      run: (x) => {
        for (const name of names) {
          const version = this.propertyVersion(name);
          if (version) x.double.requireVersion(`${this.objectPath}.${name}`, version);
        }
        const nothing = this.isNullIn(x);
        const payload: Record<string, unknown> = {};
        for (const name of names) payload[name] = nothing ? null : this.readScalar(x, name);
        return {
          payload,
          commit: () => {
            for (const name of names) this.loaded.set(name, payload[name]);
          },
        };
      },
    });
  }

  /** Queues the call that creates this object, so its isNullObject (and errors) come at sync. */
  protected queueCreate(api: string, minVersion?: string, args?: unknown): void {
    this.context.enqueue({
      kind: 'create',
      api,
      minVersion,
      describe: () => ({ path: this.objectPath, args }),
      run: (x) => {
        const nothing = this.isNullIn(x);
        return { payload: { isNull: nothing }, commit: () => this.loaded.set('isNullObject', nothing) };
      },
    });
  }

  protected queueWrite(api: string, args: unknown, apply: (x: Exec) => void, minVersion?: string): void {
    this.context.enqueue({
      kind: 'write',
      api: `${this.objectPath}.${api}`,
      minVersion,
      describe: () => ({ path: this.objectPath, set: api, args }),
      run: (x) => {
        apply(x);
      },
    });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/**
 * Makes a proxy non-extensible once fully built (never for a subclass under construction), so that
 * setting a property the double does not model (format.horizontalAlignment, say) throws instead of passing.
 */
function sealed(object: object, cls: abstract new (...args: never[]) => object): void {
  if (object.constructor === cls) Object.preventExtensions(object);
}

/** OfficeExtension.ClientResult: `value` throws until the sync that computes it. */
export class DoubleClientResult<T> {
  private has = false;
  private result: T | undefined;

  constructor(private readonly context: DoubleRequestContext) {}

  set(value: T): void {
    this.result = value;
    this.has = true;
  }

  get value(): T {
    this.context.assertOpen();
    if (!this.has) throw valueNotLoaded();
    return this.result as T;
  }
}

/** Per-batch resolution: objects are looked up again in each sync, as Excel replays object paths. */
class Resolver<T> {
  private cachedBatch = -1;
  private cached: T | undefined;
  constructor(private readonly compute: (x: Exec) => T) {}
  get(x: Exec): T {
    if (this.cachedBatch !== x.batch) {
      this.cached = this.compute(x);
      this.cachedBatch = x.batch;
    }
    return this.cached as T;
  }
}

/** An item proxy whose creating call (getItem, getItemAt…) is queued, so its errors and isNullObject come at sync. */
function createdItem<P extends DoubleObject>(item: P, api: string, minVersion?: string): P {
  item.created(api, minVersion);
  return item;
}

/** An object with no scalars of its own that is always there (a collection, or a part such as chart axes), unless it says otherwise. */
abstract class DoubleScalarless extends DoubleObject {
  protected scalarNames(): readonly string[] {
    return [];
  }
  isNullIn(_x: Exec): boolean {
    return false;
  }
  protected readScalar(_x: Exec, _name: string): unknown {
    return undefined;
  }
}

/**
 * A collection whose `items` a load fills (worksheets, names, notes, tables, charts, chart series):
 * `items` once loaded, and getCount and the load of the items in one shape. Each collection keeps
 * its own API names, versions, checks and messages.
 */
abstract class DoubleItemCollection<P extends DoubleObject> extends DoubleScalarless {
  private itemList: P[] | undefined = undefined;

  get items(): P[] {
    this.context.assertOpen();
    if (!this.itemList) throw propertyNotLoaded('items');
    return this.itemList;
  }

  /** The item scalars a load names (`items/` dropped, `items` alone ignored), each one of `scalars`; all of them by default. */
  protected itemNames(spec: LoadSpec | undefined, scalars: readonly string[]): string[] {
    this.context.assertOpen();
    const names = (specToPaths(spec) ?? [...scalars]).map((p) => p.replace(/^items\//, '')).filter((p) => p !== 'items');
    for (const n of names) if (!scalars.includes(n)) throw invalidArgument(`Cannot load items/${n} here.`);
    return names;
  }

  /** Queues the load of the items: `read` gives, at sync, their values and proxies; at commit the proxies take the values and become `items`. */
  protected queueItemsLoad(
    api: string,
    minVersion: string | undefined,
    load: string[],
    read: (x: Exec) => { payload: Record<string, unknown>[]; proxies: P[] },
  ): this {
    this.context.enqueue({
      kind: 'load',
      api,
      minVersion,
      describe: () => ({ path: this.objectPath, load }),
      run: (x) => {
        const { payload, proxies } = read(x);
        return {
          payload,
          commit: () => {
            proxies.forEach((p, i) => p.acceptLoaded(payload[i]));
            this.itemList = proxies;
          },
        };
      },
    });
    return this;
  }

  /** Queues getCount: `count` at sync. */
  protected queueCount(api: string, minVersion: string | undefined, count: (x: Exec) => number): DoubleClientResult<number> {
    const result = new DoubleClientResult<number>(this.context);
    this.context.enqueue({
      kind: 'load',
      api,
      minVersion,
      describe: () => ({ path: this.objectPath, call: 'getCount' }),
      run: (x) => {
        const n = count(x);
        return { payload: n, commit: () => result.set(n) };
      },
    });
    return result;
  }
}

// ---------------------------------------------------------------------------------------------
// Workbook, application, worksheets
// ---------------------------------------------------------------------------------------------

export class DoubleApplication extends DoubleObject {
  constructor(context: DoubleRequestContext, path: string) {
    super(context, path);
    sealed(this, DoubleApplication);
  }
  protected scalarNames(): readonly string[] {
    return ['calculationMode'];
  }
  isNullIn(): boolean {
    return false;
  }
  protected readScalar(): unknown {
    return 'Automatic';
  }
  get calculationMode(): string {
    return this.loadedProperty('calculationMode');
  }
  suspendApiCalculationUntilNextSync(): void {
    this.context.enqueue({
      kind: 'call',
      api: 'application.suspendApiCalculationUntilNextSync',
      minVersion: '1.6',
      describe: () => ({ call: 'application.suspendApiCalculationUntilNextSync' }),
      run: (x) => {
        if (x.writesSoFar === 0) x.calculationSuspended = true;
      },
    });
  }
  /** ExcelApi 1.1. Clears what a suspended sync left stale (not when queued in that very sync). */
  calculate(calculationType: string): void {
    this.context.enqueue({
      kind: 'call',
      api: 'application.calculate',
      describe: () => ({ call: 'application.calculate', args: [calculationType] }),
      run: (x) => {
        if (!['Recalculate', 'Full', 'FullRebuild'].includes(calculationType)) throw invalidArgument(`Bad calculation type ${calculationType}`);
        if (!x.calculationSuspended) x.wb.staleCalculation = false;
      },
    });
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.context.enqueue({
      kind: 'call',
      api: 'application.suspendScreenUpdatingUntilNextSync',
      minVersion: '1.9',
      describe: () => ({ call: 'application.suspendScreenUpdatingUntilNextSync' }),
      run: (x) => {
        if (x.writesSoFar === 0) x.screenUpdatingSuspended = true;
      },
    });
  }
}

/** Workbook.protection (ExcelApi 1.7) and Worksheet.protection (1.2): only `protected` is modelled. */
export class DoubleProtection extends DoubleObject {
  constructor(
    context: DoubleRequestContext,
    path: string,
    private readonly read: (x: Exec) => boolean,
    private readonly version: string,
  ) {
    super(context, path);
    sealed(this, DoubleProtection);
  }
  protected scalarNames(): readonly string[] {
    return ['protected'];
  }
  protected override propertyVersion(): string | undefined {
    return this.version;
  }
  isNullIn(): boolean {
    return false;
  }
  protected readScalar(x: Exec): unknown {
    return this.read(x);
  }
  get protected(): boolean {
    return this.loadedProperty('protected');
  }
}

/** A workbook-level name (ExcelApi 1.1; delete 1.4): name, formula ("=Sheet!$A$1"), visible. */
export class DoubleNamedItem extends DoubleObject {
  constructor(
    context: DoubleRequestContext,
    path: string,
    private readonly resolve: (x: Exec) => NameData | null,
  ) {
    super(context, path);
    sealed(this, DoubleNamedItem);
  }
  protected scalarNames(): readonly string[] {
    return ['name', 'formula', 'visible'];
  }
  isNullIn(x: Exec): boolean {
    return this.resolve(x) === null;
  }
  private dataIn(x: Exec): NameData {
    const data = this.resolve(x);
    if (!data) throw itemNotFound(`The requested resource doesn't exist. (${this.objectPath})`);
    return data;
  }
  protected readScalar(x: Exec, name: string): unknown {
    return nameScalar(x.wb, this.dataIn(x), name);
  }
  get name(): string {
    return this.loadedProperty('name');
  }
  get formula(): string {
    return this.loadedProperty('formula');
  }
  get visible(): boolean {
    return this.loadedProperty('visible');
  }
  set visible(value: boolean) {
    this.queueWrite('visible', value, (x) => {
      this.dataIn(x).visible = value;
    });
  }
  delete(): void {
    this.queueWrite(
      'delete()',
      null,
      (x) => {
        const data = this.dataIn(x);
        x.wb.names = (x.wb.names ?? []).filter((n) => n !== data);
      },
      '1.4',
    );
  }
}

function nameScalar(wb: WorkbookData, data: NameData, property: string): unknown {
  if (property === 'name') return data.name;
  if (property === 'visible') return data.visible;
  const sheet = wb.sheets.find((s) => s.id === data.sheetId);
  const cell = `$${letters(data.column)}$${data.row + 1}`;
  return `=${sheet ? quoteSheetName(sheet.name) : '#REF'}!${cell}`;
}

const findName = (wb: WorkbookData, name: string) => (wb.names ?? []).find((n) => n.name.toLowerCase() === name.toLowerCase()) ?? null;

const NAME_SCALARS: readonly string[] = ['name', 'formula', 'visible'];

export class DoubleNamedItemCollection extends DoubleItemCollection<DoubleNamedItem> {
  constructor(context: DoubleRequestContext, path: string) {
    super(context, path);
    sealed(this, DoubleNamedItemCollection);
  }
  override load(spec?: LoadSpec): this {
    const names = this.itemNames(spec, NAME_SCALARS);
    return this.queueItemsLoad('names.load', undefined, names.map((n) => `items/${n}`), (x) => {
      const list = [...(x.wb.names ?? [])];
      const proxies = list.map((d) => new DoubleNamedItem(this.context, `${this.objectPath}.getItem(${JSON.stringify(d.name)})`, (y) => findName(y.wb, d.name)));
      const payload = list.map((d) => Object.fromEntries(names.map((n) => [n, nameScalar(x.wb, d, n)])));
      return { payload, proxies };
    });
  }
  getItem(name: string): DoubleNamedItem {
    const item = new DoubleNamedItem(this.context, `${this.objectPath}.getItem(${JSON.stringify(name)})`, (x) => {
      const found = findName(x.wb, name);
      if (!found) throw itemNotFound(`The requested resource doesn't exist. (name ${name})`, 'names.getItem');
      return found;
    });
    return createdItem(item, 'names.getItem');
  }
  getItemOrNullObject(name: string): DoubleNamedItem {
    const item = new DoubleNamedItem(this.context, `${this.objectPath}.getItemOrNullObject(${JSON.stringify(name)})`, (x) => findName(x.wb, name));
    return createdItem(item, 'names.getItemOrNullObject', '1.4');
  }
  /** ExcelApi 1.4. The reference is one cell of a sheet. */
  add(name: string, reference: DoubleRange): DoubleNamedItem {
    this.context.enqueue({
      kind: 'write',
      api: 'names.add',
      minVersion: '1.4',
      describe: () => ({ path: this.objectPath, call: 'add', args: [name, reference.objectPath] }),
      run: (x) => {
        if (!/^[A-Za-z_\\][\w.]*$/.test(name)) throw invalidArgument(`The name "${name}" is not valid.`, 'names.add');
        if (findName(x.wb, name)) throw new OfficeDoubleError('ItemAlreadyExists', `The name "${name}" already exists.`, 'names.add');
        const t = reference.targetIn(x);
        x.wb.names = [...(x.wb.names ?? []), { name, sheetId: t.sheet.id, row: t.area.top, column: t.area.left, visible: true }];
      },
    });
    return new DoubleNamedItem(this.context, `${this.objectPath}.add(${JSON.stringify(name)})`, (x) => findName(x.wb, name));
  }
}

// ---------------------------------------------------------------------------------------------
// Events (ExcelApi 1.7 Worksheet.onChanged)
// ---------------------------------------------------------------------------------------------

/** What a WorksheetChanged handler receives (the part the double models). */
export interface DoubleChangedEvent {
  type: 'WorksheetChanged';
  worksheetId: string;
  address: string;
  changeType: 'RangeEdited';
  source: 'Local' | 'Remote';
}

export type DoubleChangedHandler = (event: DoubleChangedEvent) => Promise<unknown>;

export interface DoubleHandlerRegistration {
  sheetId: string;
  handler: DoubleChangedHandler;
}

/** OfficeExtension.EventHandlerResult: remove() takes effect at the next sync of any run. */
export class DoubleEventHandlerResult {
  constructor(
    readonly context: DoubleRequestContext,
    private readonly double: ExcelDouble,
    private readonly registration: DoubleHandlerRegistration,
  ) {}
  remove(): void {
    this.double.pendingRemovals.push(this.registration);
  }
}

export class DoubleEventHandlers {
  constructor(
    private readonly context: DoubleRequestContext,
    private readonly sheet: DoubleWorksheet,
  ) {}
  add(handler: DoubleChangedHandler): DoubleEventHandlerResult {
    const registration: DoubleHandlerRegistration = { sheetId: '', handler };
    const double = this.context.double;
    this.context.enqueue({
      kind: 'call',
      api: 'worksheet.onChanged.add',
      minVersion: '1.7',
      describe: () => ({ path: this.sheet.objectPath, call: 'onChanged.add' }),
      run: (x) => {
        registration.sheetId = this.sheet.sheetIn(x).id;
        return { payload: null, commit: () => double.handlers.push(registration) };
      },
    });
    return new DoubleEventHandlerResult(this.context, double, registration);
  }
}

// ---------------------------------------------------------------------------------------------
// Custom XML parts (ExcelApi 1.5): kept in the workbook's data, so they survive reopen()
// ---------------------------------------------------------------------------------------------

/** Workbook.customXmlParts, or the collection getByNamespace(ns) gives (scoped to one namespace). */
export class DoubleCustomXmlPartCollection extends DoubleScalarless {
  constructor(
    context: DoubleRequestContext,
    path: string,
    private readonly namespaceUri: string | null,
  ) {
    super(context, path);
    sealed(this, DoubleCustomXmlPartCollection);
  }
  private partsIn(x: Exec): CustomXmlPartData[] {
    const all = x.wb.customXmlParts ?? [];
    return this.namespaceUri === null ? all : all.filter((p) => p.namespaceUri === this.namespaceUri);
  }
  /** Adds a part; its namespace is the root element's xmlns. */
  add(xml: string): DoubleCustomXmlPart {
    let id = '';
    this.context.enqueue({
      kind: 'write',
      api: 'customXmlParts.add',
      minVersion: '1.5',
      describe: () => ({ path: this.objectPath, call: 'add', args: [xml] }),
      run: (x) => {
        if (this.namespaceUri !== null) throw invalidArgument('add is only on workbook.customXmlParts.', 'customXmlParts.add');
        const root = /<([A-Za-z_][\w.:-]*)([^>]*)>/.exec(xml.replace(/^<\?xml[^>]*\?>/, ''));
        if (!root) throw invalidArgument('The XML is not well formed.', 'customXmlParts.add');
        const ns = /\sxmlns="([^"]*)"/.exec(root[2])?.[1] ?? '';
        const parts = (x.wb.customXmlParts ??= []);
        id = `{CXP-${String(parts.length + 1).padStart(4, '0')}}`;
        parts.push({ id, namespaceUri: ns, xml });
      },
    });
    return new DoubleCustomXmlPart(this.context, `${this.objectPath}.add()`, (x) => x.wb.customXmlParts?.find((p) => p.id === id) ?? null);
  }
  getByNamespace(namespaceUri: string): DoubleCustomXmlPartCollection {
    const scoped = new DoubleCustomXmlPartCollection(this.context, `${this.objectPath}.getByNamespace(${JSON.stringify(namespaceUri)})`, namespaceUri);
    return createdItem(scoped, 'customXmlParts.getByNamespace', '1.5');
  }
  getItem(id: string): DoubleCustomXmlPart {
    const part = new DoubleCustomXmlPart(this.context, `${this.objectPath}.getItem(${JSON.stringify(id)})`, (x) => {
      const found = this.partsIn(x).find((p) => p.id === id);
      if (!found) throw itemNotFound(`The requested resource doesn't exist. (part ${id})`, 'customXmlParts.getItem');
      return found;
    });
    return createdItem(part, 'customXmlParts.getItem', '1.5');
  }
  getItemOrNullObject(id: string): DoubleCustomXmlPart {
    const part = new DoubleCustomXmlPart(this.context, `${this.objectPath}.getItemOrNullObject(${JSON.stringify(id)})`, (x) => this.partsIn(x).find((p) => p.id === id) ?? null);
    return createdItem(part, 'customXmlParts.getItemOrNullObject', '1.5');
  }
  /** The only part of the namespace; a null object when there is none; an error when there are several. */
  getOnlyItemOrNullObject(): DoubleCustomXmlPart {
    const part = new DoubleCustomXmlPart(this.context, `${this.objectPath}.getOnlyItemOrNullObject()`, (x) => {
      const parts = this.partsIn(x);
      if (parts.length > 1) throw invalidArgument('There is more than one part in this collection.', 'customXmlParts.getOnlyItemOrNullObject');
      return parts[0] ?? null;
    });
    return createdItem(part, 'customXmlParts.getOnlyItemOrNullObject', '1.5');
  }
}

export class DoubleCustomXmlPart extends DoubleObject {
  constructor(
    context: DoubleRequestContext,
    path: string,
    private readonly resolve: (x: Exec) => CustomXmlPartData | null,
  ) {
    super(context, path);
    sealed(this, DoubleCustomXmlPart);
  }
  protected scalarNames(): readonly string[] {
    return ['id', 'namespaceUri'];
  }
  isNullIn(x: Exec): boolean {
    return this.resolve(x) === null;
  }
  private dataIn(x: Exec): CustomXmlPartData {
    const data = this.resolve(x);
    if (!data) throw itemNotFound(`The requested resource doesn't exist. (${this.objectPath} is a null object)`);
    return data;
  }
  protected readScalar(x: Exec, name: string): unknown {
    const data = this.dataIn(x);
    return name === 'id' ? data.id : data.namespaceUri;
  }
  get id(): string {
    return this.loadedProperty('id');
  }
  get namespaceUri(): string {
    return this.loadedProperty('namespaceUri');
  }
  getXml(): DoubleClientResult<string> {
    const result = new DoubleClientResult<string>(this.context);
    this.context.enqueue({
      kind: 'load',
      api: 'customXmlPart.getXml',
      minVersion: '1.5',
      describe: () => ({ path: this.objectPath, call: 'getXml' }),
      run: (x) => {
        const xml = this.dataIn(x).xml;
        return { payload: xml, commit: () => result.set(xml) };
      },
    });
    return result;
  }
  setXml(xml: string): void {
    this.queueWrite('setXml', [xml], (x) => {
      this.dataIn(x).xml = xml;
    }, '1.5');
  }
  delete(): void {
    this.queueWrite('delete', [], (x) => {
      const data = this.dataIn(x);
      x.wb.customXmlParts = (x.wb.customXmlParts ?? []).filter((p) => p !== data);
    }, '1.5');
  }
}

export class DoubleWorkbook extends DoubleObject {
  readonly worksheets: DoubleWorksheetCollection;
  readonly application: DoubleApplication;
  readonly protection: DoubleProtection;
  readonly names: DoubleNamedItemCollection;
  readonly customXmlParts: DoubleCustomXmlPartCollection;
  constructor(context: DoubleRequestContext, path: string) {
    super(context, path);
    this.customXmlParts = new DoubleCustomXmlPartCollection(context, `${path}.customXmlParts`, null);
    this.worksheets = new DoubleWorksheetCollection(context, `${path}.worksheets`);
    this.application = new DoubleApplication(context, 'application');
    this.protection = new DoubleProtection(context, `${path}.protection`, (x) => x.wb.protected === true, '1.7');
    this.names = new DoubleNamedItemCollection(context, `${path}.names`);
    sealed(this, DoubleWorkbook);
  }
  protected scalarNames(): readonly string[] {
    return ['name'];
  }
  protected override child(name: string): DoubleObject | undefined {
    if (name === 'protection') return this.protection;
    if (name === 'names') return this.names;
    return name === 'worksheets' ? this.worksheets : name === 'application' ? this.application : undefined;
  }
  isNullIn(): boolean {
    return false;
  }
  protected readScalar(): unknown {
    return 'Book1.xlsx';
  }
  get name(): string {
    return this.loadedProperty('name');
  }
}

function findSheet(wb: WorkbookData, key: string): SheetData | undefined {
  const lower = key.toLowerCase();
  return wb.sheets.find((s) => s.id === key) ?? wb.sheets.find((s) => s.name.toLowerCase() === lower);
}

const BAD_SHEET_NAME = /[\\/?*[\]:]/;

/** Excel refuses to change the sheet list of a workbook whose structure is protected. */
function assertStructureUnprotected(wb: WorkbookData, api: string): void {
  if (wb.protected) throw new OfficeDoubleError('AccessDenied', 'The workbook structure is protected.', api);
}

const SHEET_SCALARS: readonly string[] = ['name', 'id', 'visibility', 'position'];

export class DoubleWorksheetCollection extends DoubleItemCollection<DoubleWorksheet> {
  constructor(context: DoubleRequestContext, path: string) {
    super(context, path);
    sealed(this, DoubleWorksheetCollection);
  }

  override load(spec?: LoadSpec): this {
    const names = this.itemNames(spec, SHEET_SCALARS);
    return this.queueItemsLoad('worksheets.load', undefined, names.map((n) => `items/${n}`), (x) => {
      const sheets = [...x.wb.sheets];
      const proxies = sheets.map(
        (s) => new DoubleWorksheet(this.context, `${this.objectPath}.getItem(${JSON.stringify(s.id)})`, (y) => byId(y, s.id)),
      );
      const payload = sheets.map((s, i) => Object.fromEntries(names.map((n) => [n, sheetScalar(s, n, i)])));
      return { payload, proxies };
    });
  }

  getActiveWorksheet(): DoubleWorksheet {
    const sheet = new DoubleWorksheet(this.context, `${this.objectPath}.getActiveWorksheet()`, (x) => {
      const active = x.wb.sheets.find((s) => s.id === x.wb.activeSheetId);
      if (!active) throw new OfficeDoubleError('GeneralException', 'There is no active worksheet.');
      return active;
    });
    return createdItem(sheet, 'worksheets.getActiveWorksheet');
  }

  getItem(key: string): DoubleWorksheet {
    const sheet = new DoubleWorksheet(this.context, `${this.objectPath}.getItem(${JSON.stringify(key)})`, (x) => {
      const found = findSheet(x.wb, key);
      if (!found) throw itemNotFound(`The requested resource doesn't exist. (worksheet ${key})`, 'worksheets.getItem');
      return found;
    });
    return createdItem(sheet, 'worksheets.getItem');
  }

  getItemOrNullObject(key: string): DoubleWorksheet {
    const sheet = new DoubleWorksheet(this.context, `${this.objectPath}.getItemOrNullObject(${JSON.stringify(key)})`, (x) => findSheet(x.wb, key) ?? null);
    return createdItem(sheet, 'worksheets.getItemOrNullObject', '1.4');
  }

  add(name?: string): DoubleWorksheet {
    let createdId: string | undefined;
    const path = `${this.objectPath}.add(${JSON.stringify(name ?? '')})`;
    this.context.enqueue({
      kind: 'write',
      api: 'worksheets.add',
      describe: () => ({ path, call: 'add', args: [name] }),
      run: (x) => {
        assertStructureUnprotected(x.wb, 'worksheets.add');
        let sheetName = name;
        if (sheetName === undefined) {
          let n = x.wb.sheets.length + 1;
          while (findSheet(x.wb, `Sheet${n}`)) n++;
          sheetName = `Sheet${n}`;
        }
        if (!sheetName || sheetName.length > 31 || BAD_SHEET_NAME.test(sheetName) || /^'|'$/.test(sheetName)) {
          throw invalidArgument(`The sheet name "${sheetName}" is not valid.`, 'worksheets.add');
        }
        if (findSheet(x.wb, sheetName)) {
          throw new OfficeDoubleError('ItemAlreadyExists', `A worksheet named "${sheetName}" already exists.`, 'worksheets.add');
        }
        createdId = newSheet(x.wb, sheetName).id;
      },
    });
    return new DoubleWorksheet(this.context, path, (x) => {
      if (!createdId) throw new OfficeDoubleError('InvalidObjectPath', 'The worksheet is used before it was added.');
      return byId(x, createdId);
    });
  }

  getCount(): DoubleClientResult<number> {
    return this.queueCount('worksheets.getCount', '1.4', (x) => x.wb.sheets.length);
  }
}

function byId(x: Exec, id: string): SheetData {
  const sheet = x.wb.sheets.find((s) => s.id === id);
  if (!sheet) throw itemNotFound('The worksheet no longer exists.');
  return sheet;
}

function sheetScalar(sheet: SheetData, name: string, position: number): unknown {
  switch (name) {
    case 'name':
      return sheet.name;
    case 'id':
      return sheet.id;
    case 'visibility':
      return sheet.visibility;
    case 'position':
      return position;
    default:
      return undefined;
  }
}

export class DoubleWorksheet extends DoubleObject {
  private readonly target: Resolver<SheetData | null>;
  private noteCollection: DoubleNoteCollection | undefined = undefined;
  private panes: DoubleWorksheetFreezePanes | undefined = undefined;
  private sheetProtection: DoubleProtection | undefined = undefined;
  private tableCollection: DoubleTableCollection | undefined = undefined;
  private chartCollection: DoubleChartCollection | undefined = undefined;

  constructor(context: DoubleRequestContext, path: string, resolve: (x: Exec) => SheetData | null) {
    super(context, path);
    this.target = new Resolver(resolve);
    sealed(this, DoubleWorksheet);
  }



  /** @internal */
  sheetIn(x: Exec): SheetData {
    const sheet = this.target.get(x);
    if (!sheet) throw itemNotFound(`The requested resource doesn't exist. (${this.objectPath} is a null object)`);
    return sheet;
  }

  /** @internal */
  sheetOrNullIn(x: Exec): SheetData | null {
    return this.target.get(x);
  }

  protected scalarNames(): readonly string[] {
    return ['name', 'id', 'visibility', 'position'];
  }
  protected override child(name: string): DoubleObject | undefined {
    if (name === 'protection') return this.protection;
    return name === 'notes' ? this.notes : undefined;
  }

  /** ExcelApi 1.7: handlers run (asynchronously) after a sync or a person's edit changed values of this sheet. */
  get onChanged(): DoubleEventHandlers {
    this.context.assertOpen();
    return new DoubleEventHandlers(this.context, this);
  }

  /** ExcelApi 1.2: whether the sheet is protected. */
  get protection(): DoubleProtection {
    this.context.assertOpen();
    this.sheetProtection ??= new DoubleProtection(this.context, `${this.objectPath}.protection`, (x) => this.sheetIn(x).protected === true, '1.2');
    return this.sheetProtection;
  }
  isNullIn(x: Exec): boolean {
    return this.target.get(x) === null;
  }
  protected readScalar(x: Exec, name: string): unknown {
    const sheet = this.sheetIn(x);
    return sheetScalar(sheet, name, x.wb.sheets.indexOf(sheet));
  }

  get name(): string {
    return this.loadedProperty('name');
  }
  set name(value: string) {
    this.queueWrite('name', value, (x) => {
      assertStructureUnprotected(x.wb, 'Worksheet.name');
      const sheet = this.sheetIn(x);
      const other = findSheet(x.wb, value);
      if (other && other !== sheet) throw new OfficeDoubleError('ItemAlreadyExists', `A worksheet named "${value}" already exists.`);
      if (!value || value.length > 31 || BAD_SHEET_NAME.test(value)) throw invalidArgument(`The sheet name "${value}" is not valid.`);
      sheet.name = value;
    });
  }
  get id(): string {
    return this.loadedProperty('id');
  }
  get position(): number {
    return this.loadedProperty('position');
  }
  get visibility(): SheetVisibilityValue {
    return this.loadedProperty('visibility');
  }
  set visibility(value: SheetVisibilityValue) {
    this.queueWrite('visibility', value, (x) => {
      if (!['Visible', 'Hidden', 'VeryHidden'].includes(value)) throw invalidArgument(`Bad visibility ${String(value)}`);
      const sheet = this.sheetIn(x);
      if (sheet.visibility !== value) assertStructureUnprotected(x.wb, 'Worksheet.visibility');
      if (value !== 'Visible') {
        const visible = x.wb.sheets.filter((s) => s.visibility === 'Visible' && s !== sheet);
        if (sheet.visibility === 'Visible' && visible.length === 0) {
          throw new OfficeDoubleError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
        }
        if (x.wb.activeSheetId === sheet.id) x.wb.activeSheetId = visible[0].id;
      }
      sheet.visibility = value;
    });
  }

  get notes(): DoubleNoteCollection {
    this.context.assertOpen();
    this.noteCollection ??= new DoubleNoteCollection(this.context, `${this.objectPath}.notes`, this);
    return this.noteCollection;
  }

  /** Excel tables on this sheet (ExcelApi 1.1). */
  get tables(): DoubleTableCollection {
    this.context.assertOpen();
    this.tableCollection ??= new DoubleTableCollection(this.context, `${this.objectPath}.tables`, this);
    return this.tableCollection;
  }

  /** Charts on this sheet (ExcelApi 1.1). */
  get charts(): DoubleChartCollection {
    this.context.assertOpen();
    this.chartCollection ??= new DoubleChartCollection(this.context, `${this.objectPath}.charts`, this);
    return this.chartCollection;
  }

  /** ExcelApi 1.7 (checked when a call on it is sent). */
  get freezePanes(): DoubleWorksheetFreezePanes {
    this.context.assertOpen();
    this.panes ??= new DoubleWorksheetFreezePanes(this.context, `${this.objectPath}.freezePanes`, this);
    return this.panes;
  }

  getRange(address?: string): DoubleRange {
    const path = `${this.objectPath}.getRange(${JSON.stringify(address ?? '')})`;
    const range = new DoubleRange(this.context, path, this, (x) => {
      const sheet = this.sheetIn(x);
      if (address === undefined || address === '') {
        return { sheet, area: { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 } };
      }
      let parsed;
      try {
        parsed = parseAddress(address);
      } catch {
        throw invalidArgument(`The argument is invalid or missing or has an incorrect format. (address ${address})`, 'Worksheet.getRange');
      }
      if (parsed.sheet !== null && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
        throw invalidArgument(`The address ${address} is on another sheet.`, 'Worksheet.getRange');
      }
      return { sheet, area: parsed.area };
    });
    range.created('Worksheet.getRange');
    return range;
  }

  /** ExcelApi 1.9: several areas, "A1:B2, D5, F7:F9" (areas separated by commas). */
  getRanges(address: string): DoubleRangeAreas {
    const areas = new DoubleRangeAreas(this.context, `${this.objectPath}.getRanges(${JSON.stringify(address)})`, (x) => {
      const sheet = this.sheetIn(x);
      const parts = address.split(',').map((p) => p.trim());
      const list: Area[] = [];
      for (const part of parts) {
        let parsed;
        try {
          parsed = parseAddress(part);
        } catch {
          throw invalidArgument(`The argument is invalid or missing or has an incorrect format. (address ${address})`, 'Worksheet.getRanges');
        }
        if (parsed.sheet !== null && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
          throw invalidArgument(`The address ${part} is on another sheet.`, 'Worksheet.getRanges');
        }
        list.push(parsed.area);
      }
      return { sheet, areas: list };
    });
    areas.created('Worksheet.getRanges', '1.9');
    return areas;
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): DoubleRange {
    const path = `${this.objectPath}.getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`;
    const range = new DoubleRange(this.context, path, this, (x) => {
      const sheet = this.sheetIn(x);
      const area = { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 };
      checkArea(area, 'Worksheet.getRangeByIndexes');
      return { sheet, area };
    });
    range.created('Worksheet.getRangeByIndexes', '1.7');
    return range;
  }

  getCell(row: number, column: number): DoubleRange {
    const path = `${this.objectPath}.getCell(${row},${column})`;
    const range = new DoubleRange(this.context, path, this, (x) => {
      const area = { top: row, left: column, bottom: row, right: column };
      checkArea(area, 'Worksheet.getCell');
      return { sheet: this.sheetIn(x), area };
    });
    range.created('Worksheet.getCell');
    return range;
  }

  getUsedRange(valuesOnly?: boolean): DoubleRange {
    const path = `${this.objectPath}.getUsedRange(${valuesOnly ? 'true' : ''})`;
    const range = new DoubleRange(this.context, path, this, (x) => {
      const sheet = this.sheetIn(x);
      return { sheet, area: usedArea(sheet, !!valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
    range.created('Worksheet.getUsedRange', valuesOnly === undefined ? undefined : '1.2');
    return range;
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): DoubleRange {
    const path = `${this.objectPath}.getUsedRangeOrNullObject(${valuesOnly ? 'true' : ''})`;
    const range = new DoubleRange(this.context, path, this, (x) => {
      const sheet = this.sheetIn(x);
      const area = usedArea(sheet, !!valuesOnly);
      return area ? { sheet, area } : null;
    });
    range.created('Worksheet.getUsedRangeOrNullObject', '1.4');
    return range;
  }

  activate(): void {
    this.queueWrite('activate()', null, (x) => {
      const sheet = this.sheetIn(x);
      if (sheet.visibility !== 'Visible') {
        throw new OfficeDoubleError('InvalidOperation', 'A hidden worksheet cannot be activated.', 'Worksheet.activate');
      }
      x.wb.activeSheetId = sheet.id;
    });
  }

  delete(): void {
    this.queueWrite('delete()', null, (x) => {
      const sheet = this.sheetIn(x);
      assertStructureUnprotected(x.wb, 'Worksheet.delete');
      // Excel refuses to delete a very hidden sheet (office-js #365): make it Hidden first.
      if (sheet.visibility === 'VeryHidden') {
        throw new OfficeDoubleError('InvalidOperation', 'This operation is not permitted for the current object.', 'Worksheet.delete');
      }
      const others = x.wb.sheets.filter((s) => s !== sheet && s.visibility === 'Visible');
      if (others.length === 0) {
        throw new OfficeDoubleError('InvalidOperation', 'A workbook must contain at least one visible worksheet.', 'Worksheet.delete');
      }
      x.wb.sheets = x.wb.sheets.filter((s) => s !== sheet);
      for (const n of x.wb.names ?? []) if (n.sheetId === sheet.id) n.sheetId = null;
      if (x.wb.activeSheetId === sheet.id) x.wb.activeSheetId = others[0].id;
    });
  }
}

function checkArea(area: Area, api: string): void {
  if (
    !Number.isInteger(area.top) ||
    !Number.isInteger(area.left) ||
    area.top < 0 ||
    area.left < 0 ||
    area.bottom >= MAX_ROWS ||
    area.right >= MAX_COLUMNS ||
    area.bottom < area.top ||
    area.right < area.left
  ) {
    throw invalidArgument(`The range is outside the worksheet grid. (${JSON.stringify(area)})`, api);
  }
}

/**
 * Worksheet.freezePanes (ExcelApi 1.7), rows only: freezeRows, unfreeze, getLocationOrNullObject.
 * Frozen columns (freezeColumns, freezeAt) are not modelled and throw.
 */
export class DoubleWorksheetFreezePanes extends DoubleObject {
  constructor(
    context: DoubleRequestContext,
    path: string,
    private readonly sheet: DoubleWorksheet,
  ) {
    super(context, path);
    sealed(this, DoubleWorksheetFreezePanes);
  }
  protected scalarNames(): readonly string[] {
    return [];
  }
  isNullIn(x: Exec): boolean {
    return this.sheet.isNullIn(x);
  }
  protected readScalar(): unknown {
    return undefined;
  }

  /** Freezes the top `count` rows (default 1); 0 unfreezes them. */
  freezeRows(count?: number): void {
    this.queueWrite(
      `freezeRows(${count ?? ''})`,
      count ?? null,
      (x) => {
        const rows = count ?? 1;
        if (!Number.isInteger(rows) || rows < 0 || rows >= MAX_ROWS) {
          throw invalidArgument(
            `The argument is invalid or missing or has an incorrect format. (freezeRows ${String(count)})`,
            'WorksheetFreezePanes.freezeRows',
          );
        }
        this.sheet.sheetIn(x).frozenRows = rows;
      },
      '1.7',
    );
  }

  unfreeze(): void {
    this.queueWrite(
      'unfreeze()',
      null,
      (x) => {
        this.sheet.sheetIn(x).frozenRows = 0;
      },
      '1.7',
    );
  }

  /** The frozen rows as a range (whole rows), or a null object when nothing is frozen. */
  getLocationOrNullObject(): DoubleRange {
    const range = new DoubleRange(this.context, `${this.objectPath}.getLocationOrNullObject()`, this.sheet, (x) => {
      const sheet = this.sheet.sheetIn(x);
      if (sheet.frozenRows === 0) return null;
      return { sheet, area: { top: 0, left: 0, bottom: sheet.frozenRows - 1, right: MAX_COLUMNS - 1 } };
    });
    range.created('WorksheetFreezePanes.getLocationOrNullObject', '1.7');
    return range;
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges and their formats
// ---------------------------------------------------------------------------------------------

interface RangeTarget {
  sheet: SheetData;
  area: Area;
}

function uniform<T>(values: T[]): T | null {
  if (values.length === 0) return null;
  const first = values[0];
  return values.every((v) => v === first) ? first : null;
}

function forEachCell(area: Area, fn: (row: number, column: number) => void): void {
  for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) fn(r, c);
}

function cellsOf(t: RangeTarget): CellData[] {
  const out: CellData[] = [];
  forEachCell(t.area, (r, c) => out.push(readCell(t.sheet, r, c)));
  return out;
}

const NAMED_COLORS: Record<string, string> = {
  white: '#FFFFFF',
  black: '#000000',
  red: '#FF0000',
  yellow: '#FFFF00',
  blue: '#0000FF',
  green: '#008000',
  orange: '#FFA500',
};

function normaliseColor(color: unknown): string {
  if (typeof color !== 'string') throw invalidArgument(`Bad color ${String(color)}`);
  const named = NAMED_COLORS[color.toLowerCase()];
  if (named) return named;
  const m = /^#?([0-9a-fA-F]{6})$/.exec(color);
  if (!m) throw invalidArgument(`The argument is invalid or missing or has an incorrect format. (color ${color})`);
  return `#${m[1].toUpperCase()}`;
}

/** Coerces one written value as Excel coerces typed input. */
function coerce(input: unknown, numberFormat: string): DoubleValue {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw invalidArgument(`Cannot write ${input} to a cell.`);
    return input;
  }
  if (typeof input === 'boolean') return input;
  if (typeof input === 'string') {
    if (input.length > 32767) throw invalidArgument(`A cell holds at most 32,767 characters (got ${input.length}).`);
    if (numberFormat === '@') return input;
    if (input.startsWith('=')) {
      throw new OfficeDoubleError('NotImplemented', `The Excel double does not model formulas (wrote ${input.slice(0, 40)}).`);
    }
    const t = input.trim();
    if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t)) return Number(t);
    if (/^(true|false)$/i.test(t)) return t.toLowerCase() === 'true';
    return input;
  }
  throw invalidArgument(`Cannot write a ${typeof input} to a cell.`);
}

function check2d(input: unknown, area: Area, what: string): unknown[][] {
  const rows = area.bottom - area.top + 1;
  const cols = area.right - area.left + 1;
  if (!Array.isArray(input) || input.length !== rows || input.some((r) => !Array.isArray(r) || r.length !== cols)) {
    throw invalidArgument(
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range. (${what}: range is ${rows}×${cols})`,
    );
  }
  return input as unknown[][];
}

export class DoubleRange extends DoubleObject {
  private readonly target: Resolver<RangeTarget | null>;
  readonly format: DoubleRangeFormat;
  private validation: DoubleDataValidation | undefined = undefined;

  constructor(
    context: DoubleRequestContext,
    path: string,
    readonly worksheetProxy: DoubleWorksheet,
    resolve: (x: Exec) => RangeTarget | null,
  ) {
    super(context, path);
    this.target = new Resolver(resolve);
    this.format = new DoubleRangeFormat(context, `${path}.format`, this);
    sealed(this, DoubleRange);
  }

  /** ExcelApi 1.8 (checked when a load or write of it is sent). */
  get dataValidation(): DoubleDataValidation {
    this.context.assertOpen();
    this.validation ??= new DoubleDataValidation(this.context, `${this.objectPath}.dataValidation`, this);
    return this.validation;
  }


  /** @internal */
  targetIn(x: Exec): RangeTarget {
    const t = this.target.get(x);
    if (!t) throw itemNotFound(`The requested resource doesn't exist. (${this.objectPath} is a null object)`);
    return t;
  }

  protected scalarNames(): readonly string[] {
    return [
      'address',
      'addressLocal',
      'rowIndex',
      'columnIndex',
      'rowCount',
      'columnCount',
      'cellCount',
      'values',
      'formulas',
      'numberFormat',
    ];
  }
  protected override child(name: string): DoubleObject | undefined {
    if (name === 'dataValidation') return this.dataValidation;
    return name === 'format' ? this.format : name === 'worksheet' ? this.worksheet : undefined;
  }
  isNullIn(x: Exec): boolean {
    return this.target.get(x) === null;
  }
  protected readScalar(x: Exec, name: string): unknown {
    const t = this.targetIn(x);
    const { area, sheet } = t;
    switch (name) {
      case 'address':
      case 'addressLocal':
        return qualifiedAddress(sheet.name, area);
      case 'rowIndex':
        return area.top;
      case 'columnIndex':
        return area.left;
      case 'rowCount':
        return area.bottom - area.top + 1;
      case 'columnCount':
        return area.right - area.left + 1;
      case 'cellCount':
        return cellCount(area);
      case 'values':
      case 'formulas':
      case 'numberFormat': {
        // Fail before building a response that cannot be sent (a whole column, say).
        // (The double models no formulas: a cell's formula is its value.)
        const minimum = cellCount(area) * (name === 'numberFormat' ? 10 : 3);
        if (minimum > x.double.payloadLimitBytes) throw responseTooLarge(minimum, x.double.payloadLimitBytes);
        const out: (DoubleValue | string)[][] = [];
        for (let r = area.top; r <= area.bottom; r++) {
          const row: (DoubleValue | string)[] = [];
          for (let c = area.left; c <= area.right; c++) {
            const cell = sheet.cells.get(r * MAX_COLUMNS + c);
            row.push(name === 'numberFormat' ? (cell?.numberFormat ?? DEFAULT_NUMBER_FORMAT) : (cell?.value ?? ''));
          }
          out.push(row);
        }
        return out;
      }
      default:
        return undefined;
    }
  }

  get worksheet(): DoubleWorksheet {
    return this.worksheetProxy;
  }
  get address(): string {
    return this.loadedProperty('address');
  }
  get addressLocal(): string {
    return this.loadedProperty('addressLocal');
  }
  get rowIndex(): number {
    return this.loadedProperty('rowIndex');
  }
  get columnIndex(): number {
    return this.loadedProperty('columnIndex');
  }
  get rowCount(): number {
    return this.loadedProperty('rowCount');
  }
  get columnCount(): number {
    return this.loadedProperty('columnCount');
  }
  get cellCount(): number {
    return this.loadedProperty('cellCount');
  }

  get values(): DoubleValue[][] {
    return this.loadedProperty('values');
  }
  set values(input: unknown[][]) {
    this.writeTyped('values', input);
  }

  /** Typed input, as `values` and (formulas not being modelled) `formulas` take it. */
  private writeTyped(name: 'values' | 'formulas', input: unknown[][]): void {
    this.queueWrite(name, input, (x) => {
      const t = this.targetIn(x);
      const rows = check2d(input, t.area, name);
      rows.forEach((row, i) =>
        row.forEach((v, j) => {
          if (v === null || v === undefined) return;
          updateCell(t.sheet, t.area.top + i, t.area.left + j, (cell) => {
            cell.value = coerce(v, cell.numberFormat);
          });
        }),
      );
    });
  }

  /** Formulas are not modelled: reading gives the values; writing behaves as `values` ("=…" fails). */
  get formulas(): DoubleValue[][] {
    return this.loadedProperty('formulas');
  }
  set formulas(input: unknown[][]) {
    this.writeTyped('formulas', input);
  }

  get numberFormat(): string[][] {
    return this.loadedProperty('numberFormat');
  }
  set numberFormat(input: unknown[][]) {
    this.queueWrite('numberFormat', input, (x) => {
      const t = this.targetIn(x);
      const rows = check2d(input, t.area, 'numberFormat');
      rows.forEach((row, i) =>
        row.forEach((f, j) => {
          if (f === null || f === undefined) return;
          if (typeof f !== 'string') throw invalidArgument(`A number format must be a string, got ${typeof f}.`);
          updateCell(t.sheet, t.area.top + i, t.area.left + j, (cell) => {
            cell.numberFormat = f === '' ? DEFAULT_NUMBER_FORMAT : f;
          });
        }),
      );
    });
  }

  private derived(name: string, api: string, minVersion: string | undefined, fn: (t: RangeTarget, x: Exec) => RangeTarget): DoubleRange {
    const range = new DoubleRange(this.context, `${this.objectPath}.${name}`, this.worksheetProxy, (x) => {
      const next = fn(this.targetIn(x), x);
      checkArea(next.area, api);
      return next;
    });
    range.created(api, minVersion);
    return range;
  }

  getCell(row: number, column: number): DoubleRange {
    return this.derived(`getCell(${row},${column})`, 'Range.getCell', undefined, (t) => ({
      sheet: t.sheet,
      area: { top: t.area.top + row, left: t.area.left + column, bottom: t.area.top + row, right: t.area.left + column },
    }));
  }

  getRow(row: number): DoubleRange {
    return this.derived(`getRow(${row})`, 'Range.getRow', undefined, (t) => ({
      sheet: t.sheet,
      area: { top: t.area.top + row, bottom: t.area.top + row, left: t.area.left, right: t.area.right },
    }));
  }

  getColumn(column: number): DoubleRange {
    return this.derived(`getColumn(${column})`, 'Range.getColumn', undefined, (t) => ({
      sheet: t.sheet,
      area: { top: t.area.top, bottom: t.area.bottom, left: t.area.left + column, right: t.area.left + column },
    }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): DoubleRange {
    return this.derived(`getResizedRange(${deltaRows},${deltaColumns})`, 'Range.getResizedRange', '1.2', (t) => ({
      sheet: t.sheet,
      area: { ...t.area, bottom: t.area.bottom + deltaRows, right: t.area.right + deltaColumns },
    }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): DoubleRange {
    return this.derived(`getOffsetRange(${rowOffset},${columnOffset})`, 'Range.getOffsetRange', undefined, (t) => ({
      sheet: t.sheet,
      area: {
        top: t.area.top + rowOffset,
        bottom: t.area.bottom + rowOffset,
        left: t.area.left + columnOffset,
        right: t.area.right + columnOffset,
      },
    }));
  }

  /** ExcelApi 1.1: the smallest range holding this one and `other` (same sheet). */
  getBoundingRect(other: DoubleRange): DoubleRange {
    return this.derived(`getBoundingRect(${other.objectPath})`, 'Range.getBoundingRect', undefined, (t, x) => {
      const o = other.targetIn(x);
      if (o.sheet !== t.sheet) throw invalidArgument('The ranges are on different sheets.', 'Range.getBoundingRect');
      return {
        sheet: t.sheet,
        area: {
          top: Math.min(t.area.top, o.area.top),
          left: Math.min(t.area.left, o.area.left),
          bottom: Math.max(t.area.bottom, o.area.bottom),
          right: Math.max(t.area.right, o.area.right),
        },
      };
    });
  }

  getAbsoluteResizedRange(numRows: number, numColumns: number): DoubleRange {
    return this.derived(`getAbsoluteResizedRange(${numRows},${numColumns})`, 'Range.getAbsoluteResizedRange', '1.7', (t) => ({
      sheet: t.sheet,
      area: { top: t.area.top, left: t.area.left, bottom: t.area.top + numRows - 1, right: t.area.left + numColumns - 1 },
    }));
  }

  /** ExcelApi 1.9. Supports address and format.fill.{color,pattern,patternColor}, format.font.bold. */
  getCellProperties(options: Record<string, unknown>): DoubleClientResult<Record<string, unknown>[][]> {
    const result = new DoubleClientResult<Record<string, unknown>[][]>(this.context);
    const paths = specToPaths(options) ?? [];
    const supported = ['address', 'format/fill/color', 'format/fill/pattern', 'format/fill/patternColor', 'format/font/bold', 'format/wrapText'];
    for (const p of paths) {
      if (!supported.includes(p)) {
        throw new OfficeDoubleError('NotImplemented', `The Excel double does not model cell property ${p}.`);
      }
    }
    this.context.enqueue({
      kind: 'load',
      api: `${this.objectPath}.getCellProperties`,
      minVersion: '1.9',
      describe: () => ({ path: this.objectPath, call: 'getCellProperties', args: options }),
      run: (x) => {
        const t = this.targetIn(x);
        const rows: Record<string, unknown>[][] = [];
        for (let r = t.area.top; r <= t.area.bottom; r++) {
          const row: Record<string, unknown>[] = [];
          for (let c = t.area.left; c <= t.area.right; c++) {
            const cell = readCell(t.sheet, r, c);
            const props: Record<string, unknown> = {};
            const fill: Record<string, unknown> = {};
            const font: Record<string, unknown> = {};
            const format: Record<string, unknown> = {};
            for (const p of paths) {
              if (p === 'address') props.address = qualifiedAddress(t.sheet.name, { top: r, left: c, bottom: r, right: c });
              if (p === 'format/fill/color') fill.color = cell.fill?.color ?? '#FFFFFF';
              if (p === 'format/fill/pattern') fill.pattern = cell.fill?.pattern ?? 'None';
              if (p === 'format/fill/patternColor') fill.patternColor = cell.fill?.patternColor ?? '#000000';
              if (p === 'format/font/bold') font.bold = cell.bold;
              if (p === 'format/wrapText') format.wrapText = cell.wrap;
            }
            if (Object.keys(fill).length || Object.keys(font).length || Object.keys(format).length) {
              props.format = {
                ...format,
                ...(Object.keys(fill).length ? { fill } : {}),
                ...(Object.keys(font).length ? { font } : {}),
              };
            }
            row.push(props);
          }
          rows.push(row);
        }
        return { payload: rows, commit: () => result.set(rows) };
      },
    });
    return result;
  }

  /** ExcelApi 1.13. Null object when the range holds no merged area. */
  getMergedAreasOrNullObject(): DoubleRangeAreas {
    const areas = new DoubleRangeAreas(this.context, `${this.objectPath}.getMergedAreasOrNullObject()`, (x) => {
      const t = this.targetIn(x);
      // Excel lists only merges whose top-left cell is inside the range (office-js #3611).
      const found = mergesIn(t.sheet, t.area).filter((m) => m.top >= t.area.top && m.left >= t.area.left);
      if (found.length > x.double.maxMergedAreas) {
        throw new OfficeDoubleError(
          'GeneralException',
          `There are more than ${x.double.maxMergedAreas} merged areas in the range; getMergedAreasOrNullObject fails.`,
        );
      }
      return found.length ? { sheet: t.sheet, areas: found } : null;
    });
    areas.created('Range.getMergedAreasOrNullObject', '1.13');
    return areas;
  }

  select(): void {
    this.queueWrite('select()', null, (x) => {
      const t = this.targetIn(x);
      if (t.sheet.visibility !== 'Visible') throw new OfficeDoubleError('InvalidOperation', 'Cannot select on a hidden sheet.');
      x.wb.activeSheetId = t.sheet.id;
      t.sheet.selection = { ...t.area };
    });
  }

  clear(applyTo: 'All' | 'Formats' | 'Contents' = 'All'): void {
    this.queueWrite(`clear(${applyTo})`, applyTo, (x) => {
      const t = this.targetIn(x);
      const keys = [...t.sheet.cells.keys()];
      for (const key of keys) {
        const row = Math.floor(key / MAX_COLUMNS);
        const column = key % MAX_COLUMNS;
        if (row < t.area.top || row > t.area.bottom || column < t.area.left || column > t.area.right) continue;
        updateCell(t.sheet, row, column, (cell) => {
          if (applyTo !== 'Formats') cell.value = '';
          if (applyTo !== 'Contents') {
            cell.numberFormat = DEFAULT_NUMBER_FORMAT;
            cell.fill = null;
            cell.bold = false;
            cell.wrap = false;
          }
        });
      }
    });
  }

  /** @internal for the format objects */
  targetsIn(x: Exec): RangeTarget[] {
    return [this.targetIn(x)];
  }
}

/** What formats work on: one range, or the areas of a RangeAreas. */
interface CellSource {
  isNullIn(x: Exec): boolean;
  targetsIn(x: Exec): RangeTarget[];
}

export class DoubleRangeFormat extends DoubleObject {
  readonly fill: DoubleRangeFill;
  readonly font: DoubleRangeFont;
  constructor(
    context: DoubleRequestContext,
    path: string,
    private readonly source: CellSource,
  ) {
    super(context, path);
    this.fill = new DoubleRangeFill(context, `${path}.fill`, source);
    this.font = new DoubleRangeFont(context, `${path}.font`, source);
    sealed(this, DoubleRangeFormat);
  }
  protected scalarNames(): readonly string[] {
    return ['columnWidth', 'wrapText'];
  }
  protected override child(name: string): DoubleObject | undefined {
    return name === 'fill' ? this.fill : name === 'font' ? this.font : undefined;
  }
  isNullIn(x: Exec): boolean {
    return this.source.isNullIn(x);
  }
  protected readScalar(x: Exec, name: string): unknown {
    if (name === 'wrapText') return uniform(this.source.targetsIn(x).flatMap(cellsOf).map((c) => c.wrap));
    if (name !== 'columnWidth') return undefined;
    const widths: number[] = [];
    for (const t of this.source.targetsIn(x)) {
      for (let c = t.area.left; c <= t.area.right; c++) widths.push(t.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
    }
    return uniform(widths);
  }
  get columnWidth(): number {
    return this.loadedProperty('columnWidth');
  }
  set columnWidth(value: number) {
    this.queueWrite('columnWidth', value, (x) => {
      if (typeof value !== 'number' || !(value >= 0)) throw invalidArgument(`Bad column width ${String(value)}`);
      for (const t of this.source.targetsIn(x)) {
        assertUnprotected(t.sheet);
        for (let c = t.area.left; c <= t.area.right; c++) {
          if (value === DEFAULT_COLUMN_WIDTH) t.sheet.columnWidths.delete(c);
          else t.sheet.columnWidths.set(c, value);
        }
      }
    });
  }
  /** true, false, or null when the cells differ. */
  get wrapText(): boolean {
    return this.loadedProperty('wrapText');
  }
  set wrapText(value: boolean) {
    this.queueWrite('wrapText', value, (x) => {
      if (typeof value !== 'boolean') throw invalidArgument('wrapText must be a boolean');
      updateCells(this.source.targetsIn(x), (cell) => {
        cell.wrap = value;
      });
    });
  }
}

function updateCells(targets: RangeTarget[], fn: (cell: CellData) => void): void {
  for (const t of targets) {
    if (cellCount(t.area) > 5_000_000) throw invalidArgument('The double does not format ranges this large.');
    forEachCell(t.area, (r, c) => updateCell(t.sheet, r, c, fn));
  }
}

export class DoubleRangeFill extends DoubleObject {
  constructor(
    context: DoubleRequestContext,
    path: string,
    private readonly source: CellSource,
  ) {
    super(context, path);
    sealed(this, DoubleRangeFill);
  }
  protected scalarNames(): readonly string[] {
    return ['color', 'pattern', 'patternColor'];
  }
  protected override propertyVersion(name: string): string | undefined {
    return name === 'pattern' || name === 'patternColor' ? '1.9' : undefined;
  }
  isNullIn(x: Exec): boolean {
    return this.source.isNullIn(x);
  }
  protected readScalar(x: Exec, name: string): unknown {
    const cells = this.source.targetsIn(x).flatMap(cellsOf);
    if (name === 'color') return uniform(cells.map((c) => c.fill?.color ?? '#FFFFFF'));
    if (name === 'pattern') return uniform(cells.map((c) => c.fill?.pattern ?? 'None'));
    if (name === 'patternColor') return uniform(cells.map((c) => c.fill?.patternColor ?? '#000000'));
    return undefined;
  }
  get color(): string {
    return this.loadedProperty('color');
  }
  set color(value: string) {
    this.queueWrite('color', value, (x) => {
      const color = normaliseColor(value);
      updateCells(this.source.targetsIn(x), (cell) => {
        cell.fill = { ...(cell.fill ?? { pattern: 'Solid' }), color };
      });
    });
  }
  get pattern(): string {
    return this.loadedProperty('pattern');
  }
  set pattern(value: string) {
    this.queueWrite(
      'pattern',
      value,
      (x) => {
        updateCells(this.source.targetsIn(x), (cell) => {
          if (value === 'None') cell.fill = null;
          else cell.fill = { ...(cell.fill ?? { color: '#FFFFFF' }), pattern: value };
        });
      },
      '1.9',
    );
  }
  get patternColor(): string {
    return this.loadedProperty('patternColor');
  }
  set patternColor(value: string) {
    this.queueWrite(
      'patternColor',
      value,
      (x) => {
        const color = normaliseColor(value);
        updateCells(this.source.targetsIn(x), (cell) => {
          const base: FillData = cell.fill ?? { color: '#FFFFFF', pattern: 'Solid' };
          cell.fill = { ...base, patternColor: color };
        });
      },
      '1.9',
    );
  }
  clear(): void {
    this.queueWrite('clear()', null, (x) => {
      updateCells(this.source.targetsIn(x), (cell) => {
        cell.fill = null;
      });
    });
  }
}

export class DoubleRangeFont extends DoubleObject {
  constructor(
    context: DoubleRequestContext,
    path: string,
    private readonly source: CellSource,
  ) {
    super(context, path);
    sealed(this, DoubleRangeFont);
  }
  protected scalarNames(): readonly string[] {
    return ['bold'];
  }
  isNullIn(x: Exec): boolean {
    return this.source.isNullIn(x);
  }
  protected readScalar(x: Exec, name: string): unknown {
    if (name !== 'bold') return undefined;
    return uniform(this.source.targetsIn(x).flatMap(cellsOf).map((c) => c.bold));
  }
  get bold(): boolean {
    return this.loadedProperty('bold');
  }
  set bold(value: boolean) {
    this.queueWrite('bold', value, (x) => {
      if (typeof value !== 'boolean') throw invalidArgument('bold must be a boolean');
      updateCells(this.source.targetsIn(x), (cell) => {
        cell.bold = value;
      });
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Data validation (ExcelApi 1.8), list rules only
// ---------------------------------------------------------------------------------------------

/** Excel's limit on a list typed in as items ("a,b,c"); a reference ("=$A$1:$A$9") has none here. */
const LIST_SOURCE_LIMIT = 255;

/** Reads a rule as the add-in passes it; throws what Excel would (or NotImplemented past lists). */
function listRule(rule: unknown): Omit<ValidationData, 'area'> {
  if (!rule || typeof rule !== 'object' || Array.isArray(rule)) throw invalidArgument('A data validation rule must be an object.');
  const kinds = Object.entries(rule as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== null);
  if (kinds.length !== 1) {
    throw invalidArgument(`A data validation rule holds exactly one criterion (got ${kinds.map(([k]) => k).join(', ') || 'none'}).`);
  }
  const [kind, criterion] = kinds[0];
  if (kind !== 'list') throw new OfficeDoubleError('NotImplemented', `The Excel double models list validation rules only (got ${kind}).`);
  const { source, inCellDropDown } = (criterion ?? {}) as { source?: unknown; inCellDropDown?: unknown };
  if (typeof source !== 'string') {
    if (source && typeof source === 'object') throw new OfficeDoubleError('NotImplemented', 'The Excel double models list sources given as text only.');
    throw invalidArgument('A list validation needs its source.');
  }
  if (source.trim() === '') throw invalidArgument('The list source is empty.');
  if (!source.startsWith('=') && source.length > LIST_SOURCE_LIMIT) {
    throw invalidArgument(`A list typed in as items holds at most ${LIST_SOURCE_LIMIT} characters (got ${source.length}).`);
  }
  if (inCellDropDown !== undefined && typeof inCellDropDown !== 'boolean') throw invalidArgument('inCellDropDown must be a boolean.');
  return { list: source, inCellDropDown: inCellDropDown ?? true };
}

/**
 * Range.dataValidation: `type` and `rule` to load, `rule` to set (list rules), `clear()`. Setting a
 * rule replaces whatever validation the range's cells had (the double's reading of Excel).
 */
export class DoubleDataValidation extends DoubleObject {
  constructor(
    context: DoubleRequestContext,
    path: string,
    private readonly range: DoubleRange,
  ) {
    super(context, path);
    sealed(this, DoubleDataValidation);
  }
  protected scalarNames(): readonly string[] {
    return ['type', 'rule'];
  }
  protected override propertyVersion(): string | undefined {
    return '1.8';
  }
  isNullIn(x: Exec): boolean {
    return this.range.isNullIn(x);
  }
  protected readScalar(x: Exec, name: string): unknown {
    const t = this.range.targetIn(x);
    const found = validationsIn(t.sheet, t.area);
    const covered = found.reduce((n, v) => n + cellCount(v.area), 0);
    const kinds = new Set(found.map((v) => JSON.stringify([v.list, v.inCellDropDown])));
    let type: string;
    if (found.length === 0) type = 'None';
    else if (kinds.size > 1) type = 'Inconsistent';
    else if (covered < cellCount(t.area)) type = 'MixedCriteria';
    else type = 'List';
    if (name === 'type') return type;
    if (name === 'rule') {
      if (type === 'None') return {};
      if (type !== 'List') return null;
      return { list: { inCellDropDown: found[0].inCellDropDown, source: found[0].list } };
    }
    return undefined;
  }
  get type(): string {
    return this.loadedProperty('type');
  }
  get rule(): Record<string, unknown> {
    return this.loadedProperty('rule');
  }
  set rule(value: Record<string, unknown>) {
    // Office.js serialises the rule when it is set, so later changes to the object do not count.
    let parsed: Omit<ValidationData, 'area'> | undefined;
    let error: unknown;
    try {
      parsed = listRule(value);
    } catch (e) {
      error = e;
    }
    this.queueWrite(
      'rule',
      value,
      (x) => {
        const t = this.range.targetIn(x);
        if (!parsed) throw error;
        setValidation(t.sheet, t.area, parsed);
      },
      '1.8',
    );
  }
  clear(): void {
    this.queueWrite(
      'clear()',
      null,
      (x) => {
        const t = this.range.targetIn(x);
        clearValidation(t.sheet, t.area);
      },
      '1.8',
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Merged areas (RangeAreas)
// ---------------------------------------------------------------------------------------------

interface AreasTarget {
  sheet: SheetData;
  areas: Area[];
}

export class DoubleRangeAreas extends DoubleObject {
  private readonly target: Resolver<AreasTarget | null>;
  readonly areas: DoubleRangeCollection;
  readonly format: DoubleRangeFormat;

  constructor(context: DoubleRequestContext, path: string, resolve: (x: Exec) => AreasTarget | null) {
    super(context, path);
    this.target = new Resolver(resolve);
    this.areas = new DoubleRangeCollection(context, `${path}.areas`, (x) => this.target.get(x));
    this.format = new DoubleRangeFormat(context, `${path}.format`, this);
    sealed(this, DoubleRangeAreas);
  }
  /** @internal */
  targetsIn(x: Exec): RangeTarget[] {
    const t = this.target.get(x);
    if (!t) throw itemNotFound(`The requested resource doesn't exist. (${this.objectPath} is a null object)`);
    return t.areas.map((area) => ({ sheet: t.sheet, area }));
  }
  protected scalarNames(): readonly string[] {
    return ['address', 'areaCount', 'cellCount'];
  }
  protected override child(name: string): DoubleObject | undefined {
    return name === 'areas' ? this.areas : name === 'format' ? this.format : undefined;
  }
  isNullIn(x: Exec): boolean {
    return this.target.get(x) === null;
  }
  protected readScalar(x: Exec, name: string): unknown {
    const t = this.target.get(x);
    if (!t) return null;
    if (name === 'address') {
      const topLeft = x.double.mergedAreasAddress === 'topLeft' && this.objectPath.endsWith('getMergedAreasOrNullObject()');
      return t.areas.map((a) => qualifiedAddress(t.sheet.name, topLeft ? { ...a, bottom: a.top, right: a.left } : a)).join(',');
    }
    if (name === 'areaCount') return t.areas.length;
    if (name === 'cellCount') return t.areas.reduce((n, a) => n + cellCount(a), 0);
    return undefined;
  }
  get address(): string {
    return this.loadedProperty('address');
  }
  get areaCount(): number {
    return this.loadedProperty('areaCount');
  }
}

export class DoubleRangeCollection extends DoubleScalarless {
  private itemList: { address: string }[] | undefined = undefined;
  constructor(
    context: DoubleRequestContext,
    path: string,
    private readonly source: (x: Exec) => AreasTarget | null,
  ) {
    super(context, path);
    sealed(this, DoubleRangeCollection);
  }
  override load(spec?: LoadSpec): this {
    const paths = (specToPaths(spec) ?? ['address']).map((p) => p.replace(/^items\//, ''));
    if (paths.some((p) => p !== 'address')) throw new OfficeDoubleError('NotImplemented', 'Only items/address is modelled.');
    this.context.enqueue({
      kind: 'load',
      api: `${this.objectPath}.load`,
      describe: () => ({ path: this.objectPath, load: ['items/address'] }),
      run: (x) => {
        const t = this.source(x);
        const items = t ? t.areas.map((a) => ({ address: qualifiedAddress(t.sheet.name, a) })) : [];
        return { payload: items, commit: () => (this.itemList = items) };
      },
    });
    return this;
  }
  get items(): { address: string }[] {
    this.context.assertOpen();
    if (!this.itemList) throw propertyNotLoaded('items');
    return this.itemList;
  }
}

// ---------------------------------------------------------------------------------------------
// Notes (ExcelApi 1.18)
// ---------------------------------------------------------------------------------------------

interface NoteTarget {
  sheet: SheetData;
  row: number;
  column: number;
}

function noteCell(sheet: SheetData, key: string | DoubleRange, x: Exec): { row: number; column: number } {
  if (typeof key !== 'string') {
    const t = key.targetIn(x);
    if (t.sheet !== sheet || cellCount(t.area) !== 1) throw new OfficeDoubleError('InvalidCellAddress', 'A note goes on one cell of this sheet.');
    return { row: t.area.top, column: t.area.left };
  }
  let parsed;
  try {
    parsed = parseAddress(key);
  } catch {
    throw new OfficeDoubleError('InvalidCellAddress', `Bad note address ${key}`);
  }
  if (parsed.sheet !== null && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
    throw new OfficeDoubleError('InvalidCellAddress', `The note address ${key} is on another sheet.`);
  }
  if (cellCount(parsed.area) !== 1) throw new OfficeDoubleError('InvalidCellAddress', `A note goes on one cell, not ${key}.`);
  return { row: parsed.area.top, column: parsed.area.left };
}

export class DoubleNoteCollection extends DoubleItemCollection<DoubleNote> {
  constructor(
    context: DoubleRequestContext,
    path: string,
    private readonly sheet: DoubleWorksheet,
  ) {
    super(context, path);
    sealed(this, DoubleNoteCollection);
  }

  add(cellAddress: string | DoubleRange, content: unknown): DoubleNote {
    let created: NoteTarget | undefined;
    const path = `${this.objectPath}.add(${JSON.stringify(typeof cellAddress === 'string' ? cellAddress : cellAddress.objectPath)})`;
    this.context.enqueue({
      kind: 'write',
      api: 'NoteCollection.add',
      minVersion: '1.18',
      describe: () => ({ path, call: 'add', args: [typeof cellAddress === 'string' ? cellAddress : '<range>', content] }),
      run: (x) => {
        const sheet = this.sheet.sheetIn(x);
        const { row, column } = noteCell(sheet, cellAddress, x);
        if (readCell(sheet, row, column).note !== null) {
          throw invalidArgument(`The cell already has a note.`, 'NoteCollection.add');
        }
        updateCell(sheet, row, column, (cell) => {
          cell.note = String(content);
          cell.noteAuthor = x.double.userName;
        });
        created = { sheet, row, column };
      },
    });
    return new DoubleNote(this.context, path, (_x) => {
      if (!created) throw new OfficeDoubleError('InvalidObjectPath', 'The note is used before it was added.');
      return readCell(created.sheet, created.row, created.column).note === null ? null : created;
    });
  }

  private lookup(key: string, orNull: boolean): DoubleNote {
    const method = orNull ? 'getItemOrNullObject' : 'getItem';
    const note = new DoubleNote(this.context, `${this.objectPath}.${method}(${JSON.stringify(key)})`, (x) => {
      const sheet = this.sheet.sheetIn(x);
      const { row, column } = noteCell(sheet, key, x);
      if (readCell(sheet, row, column).note === null) {
        if (orNull) return null;
        throw itemNotFound(`There is no note at ${key}.`, 'NoteCollection.getItem');
      }
      return { sheet, row, column };
    });
    return createdItem(note, `NoteCollection.${method}`, '1.18');
  }

  getItem(key: string): DoubleNote {
    return this.lookup(key, false);
  }
  getItemOrNullObject(key: string): DoubleNote {
    return this.lookup(key, true);
  }

  getCount(): DoubleClientResult<number> {
    return this.queueCount('NoteCollection.getCount', '1.18', (x) => {
      const sheet = this.sheet.sheetIn(x);
      let n = 0;
      for (const cell of sheet.cells.values()) if (cell.note !== null) n++;
      return n;
    });
  }

  /** Unlike the other collections, any names: those the double does not know load as undefined. */
  override load(spec?: LoadSpec): this {
    const paths = (specToPaths(spec) ?? ['content', 'authorName']).map((p) => p.replace(/^items\//, ''));
    return this.queueItemsLoad('NoteCollection.load', '1.18', paths, (x) => {
      const sheet = this.sheet.sheetIn(x);
      const found: NoteTarget[] = [];
      for (const key of [...sheet.cells.keys()].sort((a, b) => a - b)) {
        const cell = sheet.cells.get(key)!;
        if (cell.note !== null) found.push({ sheet, row: Math.floor(key / MAX_COLUMNS), column: key % MAX_COLUMNS });
      }
      const payload = found.map((t) => {
        const cell = readCell(t.sheet, t.row, t.column);
        const p: Record<string, unknown> = {};
        for (const n of paths) p[n] = n === 'content' ? cell.note : n === 'authorName' ? (cell.noteAuthor ?? '') : undefined;
        return p;
      });
      const proxies = found.map((t) => {
        const address = qualifiedAddress(t.sheet.name, { top: t.row, left: t.column, bottom: t.row, right: t.column });
        return new DoubleNote(this.context, `${this.objectPath}.getItem(${JSON.stringify(address)})`, () => t);
      });
      return { payload, proxies };
    });
  }
}

export class DoubleNote extends DoubleObject {
  private readonly target: Resolver<NoteTarget | null>;
  constructor(context: DoubleRequestContext, path: string, resolve: (x: Exec) => NoteTarget | null) {
    super(context, path);
    this.target = new Resolver(resolve);
    sealed(this, DoubleNote);
  }
  private targetIn(x: Exec): NoteTarget {
    const t = this.target.get(x);
    if (!t) throw itemNotFound(`The requested resource doesn't exist. (${this.objectPath} is a null object)`);
    return t;
  }
  protected scalarNames(): readonly string[] {
    return ['content', 'authorName'];
  }
  isNullIn(x: Exec): boolean {
    return this.target.get(x) === null;
  }
  protected readScalar(x: Exec, name: string): unknown {
    const t = this.targetIn(x);
    const cell = readCell(t.sheet, t.row, t.column);
    return name === 'content' ? cell.note : name === 'authorName' ? (cell.noteAuthor ?? '') : undefined;
  }
  get content(): string {
    return this.loadedProperty('content');
  }
  set content(value: string) {
    this.queueWrite(
      'content',
      value,
      (x) => {
        const t = this.targetIn(x);
        updateCell(t.sheet, t.row, t.column, (cell) => {
          cell.note = String(value);
        });
      },
      '1.18',
    );
  }
  get authorName(): string {
    return this.loadedProperty('authorName');
  }
  delete(): void {
    this.queueWrite(
      'delete()',
      null,
      (x) => {
        const t = this.targetIn(x);
        updateCell(t.sheet, t.row, t.column, (cell) => {
          cell.note = null;
          delete cell.noteAuthor;
        });
      },
      '1.18',
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Tables (ListObjects) and charts (ExcelApi 1.1, with the later members the host uses)
// ---------------------------------------------------------------------------------------------

interface TableTarget {
  sheet: SheetData;
  table: TableData;
}

/** A fresh id for a table or chart, unique in the workbook. */
function nextObjectId(wb: WorkbookData, prefix: string): string {
  let n = 0;
  for (const s of wb.sheets) for (const o of [...(s.tables ?? []), ...(s.charts ?? [])]) n = Math.max(n, Number(o.id.split('-').pop()) || 0);
  return `${prefix}-${n + 1}`;
}

function tableNamed(wb: WorkbookData, name: string): TableTarget | undefined {
  const lower = name.toLowerCase();
  for (const sheet of wb.sheets) {
    const table = (sheet.tables ?? []).find((t) => t.name.toLowerCase() === lower);
    if (table) return { sheet, table };
  }
  return undefined;
}

/** Excel's rules for a table name: a letter, "_" or "\" first, no spaces or punctuation, not a cell address. */
function assertTableName(name: unknown, wb: WorkbookData, self: TableData | null): string {
  if (typeof name !== 'string' || name === '' || name.length > 255) throw invalidArgument(`The table name "${String(name)}" is not valid.`);
  if (/^[0-9.]/.test(name) || /[\s!"#$%&'()*+,\-/:;<=>?@[\]^`{|}~]/.test(name) || /^([A-Za-z]{1,3}[0-9]+|[RrCc]|[Rr][0-9]*[Cc][0-9]*)$/.test(name)) {
    throw invalidArgument(`The table name "${name}" is not valid.`);
  }
  const other = tableNamed(wb, name);
  if (other && other.table !== self) throw new OfficeDoubleError('ItemAlreadyExists', `A table named "${name}" already exists.`);
  return name;
}

const TABLE_STYLE = /^TableStyle(Light([1-9]|1[0-9]|2[01])|Medium([1-9]|1[0-9]|2[0-8])|Dark([1-9]|1[01]))$/;

/** Where a table or chart argument points: an address on this sheet, or a range proxy. */
function areaArgument(arg: string | DoubleRange, sheet: SheetData, x: Exec, api: string): Area {
  if (typeof arg !== 'string') {
    const t = arg.targetIn(x);
    if (t.sheet !== sheet) throw invalidArgument('The range is on another worksheet.', api);
    return t.area;
  }
  let parsed;
  try {
    parsed = parseAddress(arg);
  } catch {
    throw invalidArgument(`The argument is invalid or missing or has an incorrect format. (address ${arg})`, api);
  }
  if (parsed.sheet !== null && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase()) throw invalidArgument(`The address ${arg} is on another sheet.`, api);
  return parsed.area;
}

/** A table or chart as the sheet holds it: what the code the two collections share needs of it. */
interface SheetItemData {
  id: string;
}

/**
 * What tells a sheet's tables from its charts in the code they share: where the items are, which
 * scalars an item has, how getItem finds one, and the proxy that stands for one.
 */
interface SheetItemKind<D extends SheetItemData, T extends { sheet: SheetData }, P extends DoubleObject> {
  /** The item's API name, 'Table' or 'Chart': the collection's calls are `${item}Collection.…`. */
  item: string;
  /** The scalars an item loads, and the collection loads as items/…. */
  scalars: readonly string[];
  itemsOf(sheet: SheetData): D[];
  scalar(data: D, name: string): unknown;
  /** Whether getItem(key) means this item. */
  matches(data: D, key: string): boolean;
  /** The key in the path of an item reached through `items`. */
  pathKey(data: D): string;
  target(sheet: SheetData, data: D): T;
  dataOf(target: T): D;
  /** Removes the item from its sheet. */
  remove(target: T): void;
  proxy(context: DoubleRequestContext, path: string, sheet: DoubleWorksheet, resolve: (x: Exec) => T | null): P;
  /** ExcelApi version of getCount, where newer than 1.1. */
  countVersion?: string;
  /** Item scalars newer than 1.1 that the collection's load checks. */
  loadVersions?: Readonly<Record<string, string>>;
}

/** Worksheet.tables and Worksheet.charts: getItem, getCount, load of the items' scalars, items (add is each kind's own). */
abstract class DoubleSheetItemCollection<D extends SheetItemData, T extends { sheet: SheetData }, P extends DoubleObject> extends DoubleItemCollection<P> {
  constructor(
    context: DoubleRequestContext,
    path: string,
    protected readonly sheet: DoubleWorksheet,
    private readonly kind: SheetItemKind<D, T, P>,
  ) {
    super(context, path);
  }
  protected override scalarNames(): readonly string[] {
    return ['count'];
  }
  override isNullIn(x: Exec): boolean {
    return this.sheet.isNullIn(x);
  }
  protected override readScalar(x: Exec): unknown {
    return this.kind.itemsOf(this.sheet.sheetIn(x)).length;
  }
  get count(): number {
    return this.loadedProperty('count');
  }

  /** The proxy add() returns: the item whose id the add records at sync. */
  protected added(path: string, createdId: () => string | undefined): P {
    return this.kind.proxy(this.context, path, this.sheet, (x) => {
      const id = createdId();
      if (!id) throw new OfficeDoubleError('InvalidObjectPath', `The ${this.kind.item.toLowerCase()} is used before it was added.`);
      const sheet = this.sheet.sheetIn(x);
      const data = this.kind.itemsOf(sheet).find((d) => d.id === id);
      return data ? this.kind.target(sheet, data) : null;
    });
  }

  getItem(key: string): P {
    const api = `${this.kind.item}Collection.getItem`;
    const item = this.kind.proxy(this.context, `${this.objectPath}.getItem(${JSON.stringify(key)})`, this.sheet, (x) => {
      const sheet = this.sheet.sheetIn(x);
      const found = this.kind.itemsOf(sheet).find((d) => this.kind.matches(d, key));
      if (!found) throw itemNotFound(`The requested resource doesn't exist. (${this.kind.item.toLowerCase()} ${key})`, api);
      return this.kind.target(sheet, found);
    });
    return createdItem(item, api);
  }

  getCount(): DoubleClientResult<number> {
    return this.queueCount(`${this.kind.item}Collection.getCount`, this.kind.countVersion, (x) => this.kind.itemsOf(this.sheet.sheetIn(x)).length);
  }

  override load(spec?: LoadSpec): this {
    const { scalars, loadVersions } = this.kind;
    const names = this.itemNames(spec, scalars);
    return this.queueItemsLoad(`${this.kind.item}Collection.load`, undefined, names.map((n) => `items/${n}`), (x) => {
      const list = [...this.kind.itemsOf(this.sheet.sheetIn(x))];
      for (const n of names) {
        const version = loadVersions?.[n];
        if (version) x.double.requireVersion(`${this.kind.item}.${n}`, version);
      }
      const payload = list.map((d) => Object.fromEntries(names.map((n) => [n, this.kind.scalar(d, n)])));
      const proxies = list.map((d) =>
        this.kind.proxy(this.context, `${this.objectPath}.getItem(${JSON.stringify(this.kind.pathKey(d))})`, this.sheet, (y) => {
          const s = this.sheet.sheetIn(y);
          const found = this.kind.itemsOf(s).find((e) => e.id === d.id);
          return found ? this.kind.target(s, found) : null;
        }),
      );
      return { payload, proxies };
    });
  }
}

/** A table or chart proxy: found again in each batch, a null object once its item is gone. */
abstract class DoubleSheetItem<D extends SheetItemData, T extends { sheet: SheetData }> extends DoubleObject {
  private readonly target: Resolver<T | null>;
  constructor(
    context: DoubleRequestContext,
    path: string,
    protected readonly sheetProxy: DoubleWorksheet,
    resolve: (x: Exec) => T | null,
    private readonly kind: SheetItemKind<D, T, DoubleObject>,
  ) {
    super(context, path);
    this.target = new Resolver(resolve);
  }
  /** @internal */
  targetIn(x: Exec): T {
    const t = this.target.get(x);
    if (!t) throw itemNotFound(`The requested resource doesn't exist. (${this.objectPath} is a null object)`);
    return t;
  }
  protected scalarNames(): readonly string[] {
    return this.kind.scalars;
  }
  isNullIn(x: Exec): boolean {
    return this.target.get(x) === null;
  }
  protected readScalar(x: Exec, name: string): unknown {
    return this.kind.scalar(this.kind.dataOf(this.targetIn(x)), name);
  }
  get id(): string {
    return this.loadedProperty('id');
  }
  delete(): void {
    this.queueWrite('delete()', null, (x) => {
      const t = this.targetIn(x);
      assertUnprotected(t.sheet);
      this.kind.remove(t);
    });
  }
}

const TABLE_SCALARS: readonly string[] = ['id', 'name', 'style', 'showFilterButton', 'showHeaders', 'showTotals'];

function tableScalar(t: TableData, name: string): unknown {
  switch (name) {
    case 'id':
      return t.id;
    case 'name':
      return t.name;
    case 'style':
      return t.style;
    case 'showFilterButton':
      return t.showFilterButton;
    case 'showHeaders':
      return true;
    case 'showTotals':
      return false;
    default:
      return undefined;
  }
}

const TABLES: SheetItemKind<TableData, TableTarget, DoubleTable> = {
  item: 'Table',
  scalars: TABLE_SCALARS,
  itemsOf: (sheet) => sheet.tables ?? [],
  scalar: tableScalar,
  // by id, or by name in any case
  matches: (t, key) => t.id === key || t.name.toLowerCase() === key.toLowerCase(),
  pathKey: (t) => t.id,
  target: (sheet, table) => ({ sheet, table }),
  dataOf: (t) => t.table,
  // the table turns back into a range: the cells keep their values
  remove: (t) => (t.sheet.tables = (t.sheet.tables ?? []).filter((u) => u !== t.table)),
  proxy: (context, path, sheet, resolve) => new DoubleTable(context, path, sheet, resolve),
  countVersion: '1.4',
  loadVersions: { showFilterButton: '1.3' },
};

/** Worksheet.tables: add (with a header row), getItem, getCount, items. */
export class DoubleTableCollection extends DoubleSheetItemCollection<TableData, TableTarget, DoubleTable> {
  constructor(context: DoubleRequestContext, path: string, sheet: DoubleWorksheet) {
    super(context, path, sheet, TABLES);
    sealed(this, DoubleTableCollection);
  }

  /**
   * Turns the range into a table whose first row is the header. Blank headers become Column1…,
   * repeated ones get a number, and the header cells hold those texts, as in Excel.
   */
  add(address: string | DoubleRange, hasHeaders: boolean): DoubleTable {
    let createdId: string | undefined;
    const path = `${this.objectPath}.add(${JSON.stringify(typeof address === 'string' ? address : address.objectPath)})`;
    this.context.enqueue({
      kind: 'write',
      api: 'TableCollection.add',
      describe: () => ({ path, call: 'add', args: [typeof address === 'string' ? address : '<range>', hasHeaders] }),
      run: (x) => {
        const sheet = this.sheet.sheetIn(x);
        assertUnprotected(sheet);
        if (hasHeaders !== true) throw new OfficeDoubleError('NotImplemented', 'The Excel double models tables with a header row only.');
        const area = { ...areaArgument(address, sheet, x, 'TableCollection.add') };
        if (cellCount(area) > 5_000_000) throw invalidArgument('The double does not make tables this large.');
        if ((sheet.tables ?? []).some((t) => intersects(t.area, area))) throw invalidArgument("A table can't overlap another table.", 'TableCollection.add');
        if (mergesIn(sheet, area).length > 0) throw invalidArgument("A table can't contain merged cells.", 'TableCollection.add');
        // a header row alone gets one empty row below it
        if (area.bottom === area.top) area.bottom++;
        const seen = new Set<string>();
        for (let c = area.left; c <= area.right; c++) {
          const value = readCell(sheet, area.top, c).value;
          const base = value === '' ? `Column${c - area.left + 1}` : String(value);
          let header = base;
          for (let n = 2; seen.has(header.toLowerCase()); n++) header = `${base}${n}`;
          seen.add(header.toLowerCase());
          if (header !== value) updateCell(sheet, area.top, c, (cell) => (cell.value = header));
        }
        let n = 1;
        while (tableNamed(x.wb, `Table${n}`)) n++;
        const table: TableData = { id: nextObjectId(x.wb, 'table'), name: `Table${n}`, area, style: 'TableStyleMedium2', showFilterButton: true };
        sheet.tables = [...(sheet.tables ?? []), table];
        createdId = table.id;
      },
    });
    return this.added(path, () => createdId);
  }
}

export class DoubleTable extends DoubleSheetItem<TableData, TableTarget> {
  constructor(context: DoubleRequestContext, path: string, sheetProxy: DoubleWorksheet, resolve: (x: Exec) => TableTarget | null) {
    super(context, path, sheetProxy, resolve, TABLES);
    sealed(this, DoubleTable);
  }
  protected override propertyVersion(name: string): string | undefined {
    return name === 'showFilterButton' ? '1.3' : undefined;
  }
  get name(): string {
    return this.loadedProperty('name');
  }
  set name(value: string) {
    this.queueWrite('name', value, (x) => {
      const t = this.targetIn(x);
      t.table.name = assertTableName(value, x.wb, t.table);
    });
  }
  get style(): string {
    return this.loadedProperty('style');
  }
  set style(value: string) {
    this.queueWrite('style', value, (x) => {
      if (typeof value !== 'string' || !TABLE_STYLE.test(value)) throw invalidArgument(`The table style "${String(value)}" does not exist.`);
      this.targetIn(x).table.style = value;
    });
  }
  get showFilterButton(): boolean {
    return this.loadedProperty('showFilterButton');
  }
  set showFilterButton(value: boolean) {
    this.queueWrite(
      'showFilterButton',
      value,
      (x) => {
        if (typeof value !== 'boolean') throw invalidArgument('showFilterButton must be a boolean');
        this.targetIn(x).table.showFilterButton = value;
      },
      '1.3',
    );
  }
  get showHeaders(): boolean {
    return this.loadedProperty('showHeaders');
  }
  get showTotals(): boolean {
    return this.loadedProperty('showTotals');
  }
  private part(name: string, pick: (a: Area) => Area): DoubleRange {
    const range = new DoubleRange(this.context, `${this.objectPath}.${name}()`, this.sheetProxy, (x) => {
      const t = this.targetIn(x);
      return { sheet: t.sheet, area: pick(t.table.area) };
    });
    range.created(`Table.${name}`);
    return range;
  }
  getRange(): DoubleRange {
    return this.part('getRange', (a) => a);
  }
  getHeaderRowRange(): DoubleRange {
    return this.part('getHeaderRowRange', (a) => ({ ...a, bottom: a.top }));
  }
  getDataBodyRange(): DoubleRange {
    return this.part('getDataBodyRange', (a) => ({ ...a, top: a.top + 1 }));
  }
}

interface ChartTarget {
  sheet: SheetData;
  chart: ChartData;
}

const CHART_TYPES = new Set([
  'ColumnClustered',
  'ColumnStacked',
  'ColumnStacked100',
  'BarClustered',
  'BarStacked',
  'BarStacked100',
  'Line',
  'LineMarkers',
  'Pie',
  'Doughnut',
  'Area',
  'XYScatter',
]);

/**
 * The series Excel makes from a chart's source: one per column (or row); a first row (column) of
 * texts names them, a first column (row) of texts gives the categories.
 */
function seriesFrom(sheet: SheetData, area: Area, by: 'Columns' | 'Rows'): ChartSeriesData[] {
  const value = (r: number, c: number) => readCell(sheet, r, c).value;
  const isText = (v: DoubleValue) => typeof v === 'string' && v !== '';
  const rows = area.bottom - area.top + 1;
  const cols = area.right - area.left + 1;
  const across = by === 'Columns' ? cols : rows;
  const along = by === 'Columns' ? rows : cols;
  const at = (i: number, j: number) => (by === 'Columns' ? value(area.top + j, area.left + i) : value(area.top + i, area.left + j));
  const named = along > 1 && Array.from({ length: across }, (_, i) => at(i, 0)).every(isText);
  const first = named ? 1 : 0;
  const labelled = across > 1 && Array.from({ length: along - first }, (_, j) => at(0, first + j)).every(isText);
  const out: ChartSeriesData[] = [];
  for (let i = labelled ? 1 : 0; i < across; i++) {
    const values: Area =
      by === 'Columns'
        ? { top: area.top + first, bottom: area.bottom, left: area.left + i, right: area.left + i }
        : { top: area.top + i, bottom: area.top + i, left: area.left + first, right: area.right };
    const categories: Area | null = !labelled
      ? null
      : by === 'Columns'
        ? { top: area.top + first, bottom: area.bottom, left: area.left, right: area.left }
        : { top: area.top, bottom: area.top, left: area.left + first, right: area.right };
    out.push({ name: named ? String(at(i, 0)) : `Series${out.length + 1}`, values, categories, fill: null });
  }
  return out;
}

const CHART_SCALARS: readonly string[] = ['id', 'name', 'chartType', 'width', 'height'];

function chartScalar(c: ChartData, name: string): unknown {
  switch (name) {
    case 'id':
      return c.id;
    case 'name':
      return c.name;
    case 'chartType':
      return c.type;
    case 'width':
      return c.width;
    case 'height':
      return c.height;
    default:
      return undefined;
  }
}

const CHARTS: SheetItemKind<ChartData, ChartTarget, DoubleChart> = {
  item: 'Chart',
  scalars: CHART_SCALARS,
  itemsOf: (sheet) => sheet.charts ?? [],
  scalar: chartScalar,
  // by the exact name
  matches: (c, key) => c.name === key,
  pathKey: (c) => c.name,
  target: (sheet, chart) => ({ sheet, chart }),
  dataOf: (t) => t.chart,
  remove: (t) => (t.sheet.charts = (t.sheet.charts ?? []).filter((c) => c !== t.chart)),
  proxy: (context, path, sheet, resolve) => new DoubleChart(context, path, sheet, resolve),
};

/** Worksheet.charts: add, getItem, getCount, items. */
export class DoubleChartCollection extends DoubleSheetItemCollection<ChartData, ChartTarget, DoubleChart> {
  constructor(context: DoubleRequestContext, path: string, sheet: DoubleWorksheet) {
    super(context, path, sheet, CHARTS);
    sealed(this, DoubleChartCollection);
  }

  add(type: string, sourceData: DoubleRange, seriesBy: 'Auto' | 'Columns' | 'Rows' = 'Auto'): DoubleChart {
    let createdId: string | undefined;
    const path = `${this.objectPath}.add(${JSON.stringify(type)},${sourceData.objectPath})`;
    this.context.enqueue({
      kind: 'write',
      api: 'ChartCollection.add',
      describe: () => ({ path, call: 'add', args: [type, '<range>', seriesBy] }),
      run: (x) => {
        const sheet = this.sheet.sheetIn(x);
        assertUnprotected(sheet);
        if (!CHART_TYPES.has(type)) throw invalidArgument(`The chart type "${type}" is not valid (or not modelled by the double).`, 'ChartCollection.add');
        if (!['Auto', 'Columns', 'Rows'].includes(seriesBy)) throw invalidArgument(`Bad seriesBy ${String(seriesBy)}`, 'ChartCollection.add');
        const source = sourceData.targetIn(x);
        const rows = source.area.bottom - source.area.top + 1;
        const cols = source.area.right - source.area.left + 1;
        const by = seriesBy === 'Auto' ? (rows >= cols ? 'Columns' : 'Rows') : seriesBy;
        const series = seriesFrom(source.sheet, source.area, by);
        if (series.length === 0) throw invalidArgument('The chart source holds no series.', 'ChartCollection.add');
        const id = nextObjectId(x.wb, 'chart');
        const chart: ChartData = {
          id,
          name: `Chart ${id.split('-').pop()}`,
          type,
          source: { ...source.area },
          series,
          title: '',
          categoryAxisReversed: false,
          showValueLabels: false,
          position: null,
          width: 360,
          height: 216,
        };
        sheet.charts = [...(sheet.charts ?? []), chart];
        createdId = id;
      },
    });
    return this.added(path, () => createdId);
  }
}

/** A size in points: a positive number. */
function assertPoints(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw invalidArgument(`Bad ${what} ${String(value)}`);
  return value;
}

export class DoubleChart extends DoubleSheetItem<ChartData, ChartTarget> {
  readonly title: DoubleChartPart;
  readonly series: DoubleChartSeriesCollection;
  readonly axes: DoubleChartAxes;
  readonly dataLabels: DoubleChartPart;
  constructor(context: DoubleRequestContext, path: string, sheetProxy: DoubleWorksheet, resolve: (x: Exec) => ChartTarget | null) {
    super(context, path, sheetProxy, resolve, CHARTS);
    const chartIn = (x: Exec) => this.targetIn(x);
    this.title = new DoubleChartPart(context, `${path}.title`, chartIn, {
      text: { get: (c) => c.title, set: (c, v) => (c.title = typeof v === 'string' ? v : fail(`Bad title ${String(v)}`)) },
    });
    this.series = new DoubleChartSeriesCollection(context, `${path}.series`, chartIn);
    this.axes = new DoubleChartAxes(context, `${path}.axes`, chartIn);
    this.dataLabels = new DoubleChartPart(context, `${path}.dataLabels`, chartIn, {
      showValue: { get: (c) => c.showValueLabels, set: (c, v) => (c.showValueLabels = typeof v === 'boolean' ? v : fail('showValue must be a boolean')) },
    });
    sealed(this, DoubleChart);
  }
  protected override propertyVersion(name: string): string | undefined {
    return name === 'chartType' || name === 'id' ? '1.7' : undefined;
  }
  protected override child(name: string): DoubleObject | undefined {
    return ({ title: this.title, series: this.series, axes: this.axes, dataLabels: this.dataLabels } as Record<string, DoubleObject>)[name];
  }
  get name(): string {
    return this.loadedProperty('name');
  }
  set name(value: string) {
    this.queueWrite('name', value, (x) => {
      if (typeof value !== 'string' || value === '') throw invalidArgument(`Bad chart name ${String(value)}`);
      this.targetIn(x).chart.name = value;
    });
  }
  get chartType(): string {
    return this.loadedProperty('chartType');
  }
  set chartType(value: string) {
    this.queueWrite(
      'chartType',
      value,
      (x) => {
        if (!CHART_TYPES.has(value)) throw invalidArgument(`The chart type "${value}" is not valid.`);
        this.targetIn(x).chart.type = value;
      },
      '1.7',
    );
  }
  get width(): number {
    return this.loadedProperty('width');
  }
  set width(value: number) {
    this.queueWrite('width', value, (x) => {
      this.targetIn(x).chart.width = assertPoints(value, 'width');
    });
  }
  get height(): number {
    return this.loadedProperty('height');
  }
  set height(value: number) {
    this.queueWrite('height', value, (x) => {
      this.targetIn(x).chart.height = assertPoints(value, 'height');
    });
  }
  /** Puts the chart's top-left corner on `startCell` (and, with `endCell`, its size is not modelled). */
  setPosition(startCell: string | DoubleRange, endCell?: string | DoubleRange): void {
    this.queueWrite('setPosition', [typeof startCell === 'string' ? startCell : '<range>', endCell === undefined ? null : '<range>'], (x) => {
      const t = this.targetIn(x);
      if (endCell !== undefined) throw new OfficeDoubleError('NotImplemented', 'The Excel double does not model setPosition with an end cell.');
      const area = areaArgument(startCell, t.sheet, x, 'Chart.setPosition');
      t.chart.position = { top: area.top, left: area.left, bottom: area.top, right: area.left };
    });
  }
  /** @internal the worksheet the chart was reached from. */
  get worksheetProxy(): DoubleWorksheet {
    return this.sheetProxy;
  }
}

function fail(message: string): never {
  throw invalidArgument(message);
}

interface PartProperty<T> {
  get: (t: T) => unknown;
  set?: (t: T, value: unknown) => void;
  version?: string;
}

/**
 * A small chart object (title, data labels, an axis, a series' fill…) whose scalar properties
 * live in the chart's data: read after load and sync, written at sync.
 */
class DoubleChartPartBase<T> extends DoubleObject {
  constructor(
    context: DoubleRequestContext,
    path: string,
    private readonly resolve: (x: Exec) => T,
    private readonly properties: Record<string, PartProperty<T>>,
  ) {
    super(context, path);
    for (const [name, p] of Object.entries(properties)) {
      Object.defineProperty(this, name, {
        enumerable: true,
        get: () => this.loadedProperty(name),
        set: (value: unknown) => {
          if (!p.set) throw invalidArgument(`${name} is read-only.`);
          const set = p.set;
          this.queueWrite(name, value, (x) => set(this.resolve(x), value), p.version);
        },
      });
    }
  }
  protected scalarNames(): readonly string[] {
    return Object.keys(this.properties);
  }
  protected override propertyVersion(name: string): string | undefined {
    return this.properties[name]?.version;
  }
  isNullIn(x: Exec): boolean {
    this.resolve(x);
    return false;
  }
  protected readScalar(x: Exec, name: string): unknown {
    return this.properties[name].get(this.resolve(x));
  }
}

/** Chart.title (text) and Chart.dataLabels (showValue). */
export class DoubleChartPart extends DoubleChartPartBase<ChartTarget> {
  [property: string]: unknown;
  constructor(context: DoubleRequestContext, path: string, chartIn: (x: Exec) => ChartTarget, properties: Record<string, PartProperty<ChartData>>) {
    super(
      context,
      path,
      chartIn,
      Object.fromEntries(Object.entries(properties).map(([k, p]) => [k, { get: (t: ChartTarget) => p.get(t.chart), set: p.set && ((t: ChartTarget, v: unknown) => p.set!(t.chart, v)), version: p.version }])),
    );
    sealed(this, DoubleChartPart);
  }
}

/** Chart.axes: categoryAxis and valueAxis (reversePlotOrder, ExcelApi 1.7, on the category axis only). */
export class DoubleChartAxes extends DoubleScalarless {
  readonly categoryAxis: DoubleChartPart;
  readonly valueAxis: DoubleChartPart;
  constructor(context: DoubleRequestContext, path: string, chartIn: (x: Exec) => ChartTarget) {
    super(context, path);
    this.categoryAxis = new DoubleChartPart(context, `${path}.categoryAxis`, chartIn, {
      reversePlotOrder: {
        get: (c) => c.categoryAxisReversed,
        set: (c, v) => (c.categoryAxisReversed = typeof v === 'boolean' ? v : fail('reversePlotOrder must be a boolean')),
        version: '1.7',
      },
    });
    this.valueAxis = new DoubleChartPart(context, `${path}.valueAxis`, chartIn, {});
    sealed(this, DoubleChartAxes);
  }
  protected override child(name: string): DoubleObject | undefined {
    return name === 'categoryAxis' ? this.categoryAxis : name === 'valueAxis' ? this.valueAxis : undefined;
  }
}

interface SeriesTarget extends ChartTarget {
  series: ChartSeriesData;
}

const SERIES_SCALARS: readonly string[] = ['name'];

export class DoubleChartSeriesCollection extends DoubleItemCollection<DoubleChartSeries> {
  constructor(
    context: DoubleRequestContext,
    path: string,
    private readonly chartIn: (x: Exec) => ChartTarget,
  ) {
    super(context, path);
    sealed(this, DoubleChartSeriesCollection);
  }
  protected override scalarNames(): readonly string[] {
    return ['count'];
  }
  protected override readScalar(x: Exec): unknown {
    return this.chartIn(x).chart.series.length;
  }
  get count(): number {
    return this.loadedProperty('count');
  }
  getItemAt(index: number): DoubleChartSeries {
    const series = new DoubleChartSeries(this.context, `${this.objectPath}.getItemAt(${index})`, (x) => {
      const t = this.chartIn(x);
      const found = Number.isInteger(index) && index >= 0 ? t.chart.series[index] : undefined;
      if (!found) throw invalidArgument(`The chart has no series at ${index}.`, 'ChartSeriesCollection.getItemAt');
      return { ...t, series: found };
    });
    return createdItem(series, 'ChartSeriesCollection.getItemAt');
  }
  getCount(): DoubleClientResult<number> {
    return this.queueCount('ChartSeriesCollection.getCount', '1.7', (x) => this.chartIn(x).chart.series.length);
  }
  override load(spec?: LoadSpec): this {
    const names = this.itemNames(spec, SERIES_SCALARS);
    return this.queueItemsLoad('ChartSeriesCollection.load', undefined, names.map((n) => `items/${n}`), (x) => {
      const all = this.chartIn(x).chart.series;
      const payload = all.map((s) => Object.fromEntries(names.map((n) => [n, s.name])));
      const proxies = all.map(
        (_, i) =>
          new DoubleChartSeries(this.context, `${this.objectPath}.getItemAt(${i})`, (y) => {
            const t = this.chartIn(y);
            const found = t.chart.series[i];
            if (!found) throw itemNotFound(`The chart has no series at ${i}.`);
            return { ...t, series: found };
          }),
      );
      return { payload, proxies };
    });
  }
}

export class DoubleChartSeries extends DoubleObject {
  private readonly target: Resolver<SeriesTarget>;
  readonly format: DoubleChartSeriesFormat;
  constructor(context: DoubleRequestContext, path: string, resolve: (x: Exec) => SeriesTarget) {
    super(context, path);
    this.target = new Resolver(resolve);
    this.format = new DoubleChartSeriesFormat(context, `${path}.format`, (x) => this.target.get(x));
    sealed(this, DoubleChartSeries);
  }
  protected scalarNames(): readonly string[] {
    return ['name'];
  }
  protected override child(name: string): DoubleObject | undefined {
    return name === 'format' ? this.format : undefined;
  }
  isNullIn(x: Exec): boolean {
    this.target.get(x);
    return false;
  }
  protected readScalar(x: Exec): unknown {
    return this.target.get(x).series.name;
  }
  get name(): string {
    return this.loadedProperty('name');
  }
  set name(value: string) {
    this.queueWrite('name', value, (x) => {
      if (typeof value !== 'string') throw invalidArgument('A series name must be a string.');
      this.target.get(x).series.name = value;
    });
  }
  /** ExcelApi 1.7: the categories (x-axis labels) from a range. */
  setXAxisValues(sourceData: DoubleRange): void {
    this.queueWrite(
      'setXAxisValues',
      '<range>',
      (x) => {
        this.target.get(x).series.categories = { ...sourceData.targetIn(x).area };
      },
      '1.7',
    );
  }
  /** ExcelApi 1.7: the values from a range. */
  setValues(sourceData: DoubleRange): void {
    this.queueWrite(
      'setValues',
      '<range>',
      (x) => {
        this.target.get(x).series.values = { ...sourceData.targetIn(x).area };
      },
      '1.7',
    );
  }
}

export class DoubleChartSeriesFormat extends DoubleScalarless {
  readonly fill: DoubleChartFill;
  constructor(context: DoubleRequestContext, path: string, seriesIn: (x: Exec) => SeriesTarget) {
    super(context, path);
    this.fill = new DoubleChartFill(context, `${path}.fill`, seriesIn);
    sealed(this, DoubleChartSeriesFormat);
  }
  protected override child(name: string): DoubleObject | undefined {
    return name === 'fill' ? this.fill : undefined;
  }
}

/** ChartFill: setSolidColor and clear (it has no readable properties in Office.js either). */
export class DoubleChartFill extends DoubleScalarless {
  constructor(
    context: DoubleRequestContext,
    path: string,
    private readonly seriesIn: (x: Exec) => SeriesTarget,
  ) {
    super(context, path);
    sealed(this, DoubleChartFill);
  }
  setSolidColor(color: string): void {
    this.queueWrite('setSolidColor', color, (x) => {
      this.seriesIn(x).series.fill = normaliseColor(color);
    });
  }
  clear(): void {
    this.queueWrite('clear()', null, (x) => {
      this.seriesIn(x).series.fill = null;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// The double itself: Excel.run, sync execution, accounting, globals
// ---------------------------------------------------------------------------------------------

export class ExcelDouble {
  workbook: WorkbookData;
  apiVersion: string;
  displayLanguage: string;
  readonly payloadLimitBytes: number;
  readonly maxMergedAreas: number;
  readonly userName: string;
  readonly mergedAreasAddress: 'exact' | 'topLeft';
  /** Times the workbook was closed and opened again (reopen()). */
  private reopened = 0;
  stats: DoubleStats = ExcelDouble.emptyStats();
  /** Called before each sync executes: lets a test act as the user between two syncs. */
  readonly beforeSync: Array<(double: ExcelDouble, syncIndex: number) => void> = [];
  private editModeRuns = 0;
  private batchCounter = 0;
  /** @internal onChanged handlers registered (at sync), and removals waiting for the next sync. */
  readonly handlers: DoubleHandlerRegistration[] = [];
  /** @internal */
  readonly pendingRemovals: DoubleHandlerRegistration[] = [];
  /** Events sent to handlers (ours and a person's). */
  readonly firedEvents: DoubleChangedEvent[] = [];
  /** Handler calls still running (the events arrive asynchronously, as in Excel). */
  private running: Array<Promise<unknown>> = [];

  constructor(options: ExcelDoubleOptions = {}) {
    this.workbook = options.workbook ?? createWorkbook();
    this.apiVersion = options.apiVersion ?? '1.18';
    this.displayLanguage = options.displayLanguage ?? 'ja-JP';
    this.payloadLimitBytes = options.payloadLimitBytes ?? PAYLOAD_LIMIT_BYTES;
    this.maxMergedAreas = options.maxMergedAreas ?? 512;
    this.userName = options.userName ?? 'Add-in';
    this.mergedAreasAddress = options.mergedAreasAddress ?? 'exact';
  }

  /**
   * Closes the file and opens it again: Excel does not promise that Worksheet.id survives this
   * (office-js-docs #297, office-js #1390), so every sheet gets a new id, as some builds give.
   */
  reopen(): void {
    this.reopened++;
    const wb = this.workbook;
    for (const sheet of wb.sheets) {
      const id = `{00000000-${String(this.reopened + 1).padStart(4, '0')}-0000-0000-${sheet.id.slice(-13, -1)}}`;
      if (wb.activeSheetId === sheet.id) wb.activeSheetId = id;
      for (const n of wb.names ?? []) if (n.sheetId === sheet.id) n.sheetId = id;
      sheet.id = id;
    }
    wb.staleCalculation = false;
  }

  static emptyStats(): DoubleStats {
    return { runs: 0, syncs: 0, largestRequestBytes: 0, largestResponseBytes: 0, totalRequestBytes: 0, totalResponseBytes: 0, log: [] };
  }

  resetStats(): void {
    this.stats = ExcelDouble.emptyStats();
  }

  /** The next `runs` Excel.run calls fail (at their first sync) as when a person is typing in a cell. */
  simulateCellEditMode(runs: number): void {
    this.editModeRuns = runs;
  }

  isSetSupported(name: string, minVersion?: string): boolean {
    if (name !== 'ExcelApi') return false;
    return minVersion === undefined || versionNumber(minVersion) <= versionNumber(this.apiVersion);
  }

  /** @internal */
  requireVersion(api: string, version: string): void {
    if (versionNumber(version) > versionNumber(this.apiVersion)) throw apiNotFound(api, version, `ExcelApi ${this.apiVersion}`);
  }

  /** Handlers on each sheet (after removals took effect). */
  handlerCount(sheetName?: string): number {
    const id = sheetName ? sheetByNameOrUndefined(this.workbook, sheetName)?.id : undefined;
    return this.handlers.filter((h) => !this.pendingRemovals.includes(h) && (id === undefined || h.sheetId === id)).length;
  }

  /**
   * A person types `value` into one cell (not through the API): the cell changes and the sheet's
   * onChanged handlers are called, after the current task as in Excel. Resolves when they were called.
   */
  async userEdit(sheetName: string, address: string, value: DoubleValue): Promise<void> {
    const sheet = sheetByNameOrUndefined(this.workbook, sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    const { area } = parseAddress(address);
    for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) updateCell(sheet, r, c, (cell) => { cell.value = value; });
    this.fire(sheet.id, area, 'Local');
    await this.settle();
  }

  /** Waits until every handler call so far (and those they started) has finished. */
  async settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    while (this.running.length) {
      const now = this.running;
      this.running = [];
      await Promise.allSettled(now);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }

  private fire(sheetId: string, area: Area, source: 'Local' | 'Remote'): void {
    const targets = this.handlers.filter((h) => h.sheetId === sheetId);
    if (!targets.length) return;
    const event: DoubleChangedEvent = {
      type: 'WorksheetChanged',
      worksheetId: sheetId,
      address: area.top === area.bottom && area.left === area.right ? `${letters(area.left)}${area.top + 1}` : `${letters(area.left)}${area.top + 1}:${letters(area.right)}${area.bottom + 1}`,
      changeType: 'RangeEdited',
      source,
    };
    this.firedEvents.push(event);
    const call = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => Promise.all(targets.map((t) => t.handler({ ...event }))));
    this.running.push(call);
  }

  /** Values of sheets someone listens to, before a sync (to find what the sync changed). */
  private watchedValues(): Map<SheetData, Map<number, DoubleValue>> {
    const out = new Map<SheetData, Map<number, DoubleValue>>();
    for (const sheet of this.workbook.sheets) {
      if (!this.handlers.some((h) => h.sheetId === sheet.id)) continue;
      const values = new Map<number, DoubleValue>();
      for (const [k, c] of sheet.cells) if (c.value !== '') values.set(k, c.value);
      out.set(sheet, values);
    }
    return out;
  }

  /** One event per column a sync changed (rows top to bottom of the changes), as Excel reports range writes. */
  private fireChanges(before: Map<SheetData, Map<number, DoubleValue>>): void {
    for (const [sheet, values] of before) {
      const columns = new Map<number, Area>();
      const extend = (k: number) => {
        const { row, column } = keyToCell(k);
        const a = columns.get(column);
        columns.set(column, a ? { ...a, top: Math.min(a.top, row), bottom: Math.max(a.bottom, row) } : { top: row, left: column, bottom: row, right: column });
      };
      for (const [k, c] of sheet.cells) if ((values.get(k) ?? '') !== c.value) extend(k);
      for (const k of values.keys()) if (!sheet.cells.has(k) || sheet.cells.get(k)!.value === '') extend(k);
      for (const area of [...columns.values()].sort((a, b) => a.left - b.left)) this.fire(sheet.id, area, 'Local');
    }
  }

  async run<T>(batch: (context: DoubleRequestContext) => Promise<T>): Promise<T>;
  async run<T>(object: { context: unknown }, batch: (context: DoubleRequestContext) => Promise<T>): Promise<T>;
  async run<T>(
    first: ((context: DoubleRequestContext) => Promise<T>) | { context: unknown },
    second?: (context: DoubleRequestContext) => Promise<T>,
  ): Promise<T> {
    const batch = typeof first === 'function' ? first : second!;
    this.stats.runs++;
    const inEditMode = this.editModeRuns > 0;
    if (inEditMode) this.editModeRuns--;
    const context = new DoubleRequestContext(this, inEditMode);
    try {
      const result = await batch(context);
      // Excel.run sends whatever is still queued when the batch function returns.
      if (context.pendingOperations > 0) await context.sync();
      return result;
    } finally {
      context.close();
    }
  }

  /** @internal Executes one sync's operations as Excel would. */
  execute(context: DoubleRequestContext, ops: Operation[]): void {
    const index = ++this.stats.syncs;
    for (const hook of this.beforeSync) hook(this, index);
    for (const r of this.pendingRemovals.splice(0)) {
      const at = this.handlers.indexOf(r);
      if (at >= 0) this.handlers.splice(at, 1);
    }
    const before = this.handlers.length ? this.watchedValues() : null;
    const record: SyncRecord = {
      index,
      requestBytes: 0,
      responseBytes: 0,
      operations: ops.length,
      loads: ops.filter((o) => o.kind === 'load').length,
      writes: ops.filter((o) => o.kind === 'write').length,
      calculationSuspended: false,
      screenUpdatingSuspended: false,
    };
    this.stats.log.push(record);
    const fail = (error: OfficeDoubleError): never => {
      record.error = error.code;
      throw error;
    };
    // Each operation travels as an action with its object path, as Office.js sends it.
    record.requestBytes = utf8Bytes(
      JSON.stringify({
        Actions: ops.map((o, i) => ({ Id: i + 1, ActionType: o.kind, Name: o.api, ObjectPathId: i + 1, Data: o.describe() })),
      }),
    );
    this.stats.totalRequestBytes += record.requestBytes;
    this.stats.largestRequestBytes = Math.max(this.stats.largestRequestBytes, record.requestBytes);
    if (record.requestBytes > this.payloadLimitBytes) fail(requestTooLarge(record.requestBytes, this.payloadLimitBytes));
    if (context.inCellEditMode) fail(cellEditMode());

    const x: Exec = {
      wb: this.workbook,
      batch: ++this.batchCounter,
      double: this,
      calculationSuspended: false,
      screenUpdatingSuspended: false,
      writesSoFar: 0,
    };
    const outcomes: LoadOutcome[] = [];
    for (const op of ops) {
      try {
        if (op.minVersion) this.requireVersion(op.api, op.minVersion);
        const outcome = op.run(x);
        if (op.kind === 'write') x.writesSoFar++;
        if (outcome) outcomes.push(outcome);
      } catch (error) {
        if (error instanceof OfficeDoubleError) fail(error);
        if (error instanceof ProtectedError) fail(new OfficeDoubleError('AccessDenied', error.message, op.api));
        throw error;
      }
    }
    record.calculationSuspended = x.calculationSuspended;
    // Excel leaves recalculating after a suspended sync to the add-in.
    if (x.calculationSuspended && x.writesSoFar > 0) x.wb.staleCalculation = true;
    record.screenUpdatingSuspended = x.screenUpdatingSuspended;
    record.responseBytes = utf8Bytes(JSON.stringify(outcomes.map((o) => o.payload)));
    this.stats.totalResponseBytes += record.responseBytes;
    this.stats.largestResponseBytes = Math.max(this.stats.largestResponseBytes, record.responseBytes);
    if (record.responseBytes > this.payloadLimitBytes) fail(responseTooLarge(record.responseBytes, this.payloadLimitBytes));
    for (const o of outcomes) o.commit();
    if (before) this.fireChanges(before);
  }

  /** What `globalThis.Excel` holds while installed: run, and the enum values hosts refer to. */
  excelGlobal(): Record<string, unknown> {
    return {
      run: <T>(first: ((context: DoubleRequestContext) => Promise<T>) | { context: unknown }, second?: (context: DoubleRequestContext) => Promise<T>) =>
        typeof first === 'function' ? this.run(first) : this.run(first, second!),
      ErrorCodes: {
        invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode',
        itemNotFound: 'ItemNotFound',
        invalidArgument: 'InvalidArgument',
        apiNotFound: 'ApiNotFound',
        generalException: 'GeneralException',
      },
      SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
      ClearApplyTo: { all: 'All', formats: 'Formats', contents: 'Contents' },
      FillPattern: { none: 'None', solid: 'Solid' },
      CalculationType: { recalculate: 'Recalculate', full: 'Full', fullRebuild: 'FullRebuild' },
    };
  }

  officeGlobal(): Record<string, unknown> {
    return {
      context: {
        displayLanguage: this.displayLanguage,
        contentLanguage: this.displayLanguage,
        requirements: { isSetSupported: (name: string, version?: string) => this.isSetSupported(name, version) },
      },
      HostType: { Excel: 'Excel' },
      onReady: async () => ({ host: 'Excel', platform: 'OfficeOnline' }),
    };
  }

  /** Installs this double as the global `Excel` and `Office`; returns the function that removes it. */
  install(): () => void {
    const g = globalThis as unknown as Record<string, unknown>;
    const before = { Excel: g.Excel, Office: g.Office };
    g.Excel = this.excelGlobal();
    g.Office = this.officeGlobal();
    return () => {
      g.Excel = before.Excel;
      g.Office = before.Office;
    };
  }
}

function sheetByNameOrUndefined(wb: WorkbookData, name: string): SheetData | undefined {
  return wb.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
}

export function createExcelDouble(options: ExcelDoubleOptions = {}): ExcelDouble {
  return new ExcelDouble(options);
}

/** Ranges of a sheet within an area, for tests that inspect the double's state. */
export function areaIntersects(a: Area, b: Area): boolean {
  return intersects(a, b);
}
