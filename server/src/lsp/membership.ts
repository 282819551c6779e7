// Who sits on the committee, for an open document: the Membership of its model and the
// configuration in force for it (the nearest referat.config.json, as validation reads it through
// the ConfigStore). Built once per model and configuration generation.
import { Membership } from '../config/membership';
import type { ReferatDocument } from '../model';
import type { ConfigStore } from './configuration';

export class MembershipCache {
  /** Models are cached per document version, so a model object stands for one version. */
  private readonly byModel = new WeakMap<ReferatDocument, { key: string; membership: Membership }>();

  constructor(private readonly configs: ConfigStore) {}

  for(uri: string, model: ReferatDocument): Membership {
    // Looked up first: reading a config file for the first time moves the generation on.
    const { config, file } = this.configs.configFor(uri);
    const key = `${file ?? ''}@${this.configs.generation}`;
    const known = this.byModel.get(model);
    if (known && known.key === key) return known.membership;
    const membership = new Membership(model, config);
    this.byModel.set(model, { key, membership });
    return membership;
  }
}
