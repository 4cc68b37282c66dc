/** Errors the Excel double raises, shaped like OfficeExtension.Error (name, code, message, debugInfo). */
export class OfficeDoubleError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

export function propertyNotLoaded(property: string): OfficeDoubleError {
  return new OfficeDoubleError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export function valueNotLoaded(): OfficeDoubleError {
  return new OfficeDoubleError(
    'ValueNotLoaded',
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
  );
}

export function invalidArgument(message: string, location?: string): OfficeDoubleError {
  return new OfficeDoubleError('InvalidArgument', message, location);
}

export function itemNotFound(message: string, location?: string): OfficeDoubleError {
  return new OfficeDoubleError('ItemNotFound', message, location);
}

export function apiNotFound(api: string, version: string, supported: string): OfficeDoubleError {
  return new OfficeDoubleError(
    'ApiNotFound',
    `The API you are trying to use could not be found. It may be available in a newer version of Excel. (${api} needs ExcelApi ${version}; this double supports ${supported})`,
    api,
  );
}

export function invalidObjectPath(): OfficeDoubleError {
  return new OfficeDoubleError(
    'InvalidObjectPath',
    'The object path is not valid: the request context of this object has ended (its Excel.run returned). Objects cannot be used across Excel.run calls.',
  );
}

export function cellEditMode(): OfficeDoubleError {
  return new OfficeDoubleError(
    'InvalidOperationInCellEditMode',
    'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
  );
}

export function requestTooLarge(bytes: number, limit: number): OfficeDoubleError {
  return new OfficeDoubleError(
    'RequestPayloadSizeLimitExceeded',
    `The request payload size has exceeded the limit (${bytes} bytes > ${limit} bytes). See the resource limits of Office Add-ins.`,
  );
}

export function responseTooLarge(bytes: number, limit: number): OfficeDoubleError {
  return new OfficeDoubleError(
    'ResponsePayloadSizeLimitExceeded',
    `The response payload size has exceeded the limit (${bytes} bytes > ${limit} bytes). See the resource limits of Office Add-ins.`,
  );
}
