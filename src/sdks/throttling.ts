import { library } from './library.js';
import type { IterationSpec, SdkSpec } from './types.js';

const eachWith = (callback: number, extra: Partial<IterationSpec> = {}): IterationSpec => ({
  collection: 0,
  callback,
  ...extra,
});

const asyncLimited = ['eachLimit', 'forEachLimit', 'eachOfLimit', 'forEachOfLimit', 'mapLimit', 'mapValuesLimit', 'filterLimit', 'timesLimit', 'parallelLimit'];

/**
 * Libraries that bound how many sends run at once. A send whose callback runs under one of them
 * is not an unthrottled loop.
 */
export const throttlers: readonly SdkSpec[] = [
  // const limit = pLimit(5); limit(() => send())
  library('p-limit', { 'p-limit': 'factory' }, {
    factory: { call: 'limit', props: { default: 'factory' } },
    limit: { runsBounded: true },
  }),
  // const throttled = pThrottle({ limit, interval })(fn)
  library('p-throttle', { 'p-throttle': 'factory' }, {
    factory: { call: 'throttle', props: { default: 'factory' } },
    throttle: { runsBounded: true },
  }),
  // const limit = pRateLimit({ interval: 1000, rate: 5 }); limit(() => send())
  library('p-ratelimit', { 'p-ratelimit': 'module' }, {
    module: { props: { pRateLimit: 'factory', default: 'module' } },
    factory: { call: 'limit' },
    limit: { runsBounded: true },
  }),
  // const queue = new PQueue({ concurrency: 2 }); queue.add(() => send())
  library('p-queue', { 'p-queue': 'queueClass' }, {
    queueClass: { construct: 'queue', props: { default: 'queueClass', PQueue: 'queueClass' } },
    queue: { boundedMethods: ['add', 'addAll'] },
  }),
  // const limiter = new Bottleneck({ maxConcurrent, minTime }); limiter.schedule(() => send())
  library('bottleneck', { bottleneck: 'limiterClass' }, {
    limiterClass: { construct: 'limiter', props: { default: 'limiterClass' } },
    limiter: { boundedMethods: ['schedule', 'submit', 'wrap'] },
  }),
  // pMap(list, fn, { concurrency: 5 }); without a concurrency p-map runs everything at once.
  library('p-map', { 'p-map': 'pMap' }, {
    pMap: { iterates: eachWith(1, { concurrency: { arg: 2, path: ['concurrency'] } }), props: { default: 'pMap' } },
  }),
  // async.eachLimit(list, 5, fn) is bounded; async.each(list, fn) is not; async.eachSeries is a loop.
  library('async', { async: 'module', 'async-es': 'module' }, {
    module: {
      props: { default: 'module' },
      boundedMethods: asyncLimited,
      iteratingMethods: {
        each: eachWith(1),
        forEach: eachWith(1),
        eachOf: eachWith(1),
        forEachOf: eachWith(1),
        map: eachWith(1),
        mapValues: eachWith(1),
        eachSeries: eachWith(1, { sequential: true }),
        forEachSeries: eachWith(1, { sequential: true }),
        mapSeries: eachWith(1, { sequential: true }),
        eachOfSeries: eachWith(1, { sequential: true }),
      },
    },
  }),
  // Bluebird.map(list, fn, { concurrency: 5 }); Bluebird.each and mapSeries run one at a time.
  // _.forEach(list, fn), _.map(list, fn): lodash and underscore call the function once per element, all at once.
  library('lodash', { lodash: 'module', 'lodash-es': 'module', underscore: 'module' }, {
    module: {
      props: { default: 'module' },
      iteratingMethods: {
        forEach: eachWith(1),
        each: eachWith(1),
        forEachRight: eachWith(1),
        eachRight: eachWith(1),
        map: eachWith(1),
        flatMap: eachWith(1),
      },
    },
  }),
  library('bluebird', { bluebird: 'module' }, {
    module: {
      props: { default: 'module' },
      iteratingMethods: {
        map: eachWith(1, { concurrency: { arg: 2, path: ['concurrency'] } }),
        each: eachWith(1, { sequential: true }),
        mapSeries: eachWith(1, { sequential: true }),
      },
    },
  }),
];
