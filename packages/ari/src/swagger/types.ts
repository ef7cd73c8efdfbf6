/** The subset of Asterisk's swagger 1.1/1.2 dialect (`rest-api/api-docs/*.json`) that ARI uses. */
export interface SwaggerFile {
  resourcePath: string;
  apis: SwaggerApi[];
  models?: Record<string, SwaggerModel>;
}

export interface SwaggerApi {
  path: string;
  operations: SwaggerOperation[];
}

export interface SwaggerOperation {
  httpMethod: 'GET' | 'POST' | 'PUT' | 'DELETE';
  nickname: string;
  summary?: string;
  since?: string[];
  responseClass: string;
  upgrade?: string;
  parameters?: SwaggerParameter[];
  errorResponses?: { code: number | string; reason: string }[];
}

export interface SwaggerParameter {
  name: string;
  paramType: 'path' | 'query' | 'body';
  required?: boolean;
  allowMultiple?: boolean;
  dataType: string;
  defaultValue?: unknown;
  allowableValues?: { valueType: string; values?: string[]; min?: number; max?: number };
}

export interface SwaggerModel {
  id: string;
  description?: string;
  properties: Record<string, SwaggerProperty>;
  subTypes?: string[];
  discriminator?: string;
}

export interface SwaggerProperty {
  type: string;
  required?: boolean;
  description?: string;
  allowableValues?: { valueType: string; values?: string[] };
}

/** `/api-docs/channels.{format}` → `channels`. */
export function resourceName(file: SwaggerFile): string {
  return file.resourcePath.replace(/^\/api-docs\//, '').replace(/\.\{format\}$/, '');
}
