/** The service area: districts, place lookup and its sentences. Import from here. */
export { districtByUbigeo, isInServiceArea, listDistricts, toDistrictInfo, type District } from './districts.ts';
export { lookupDistrict, resolvePlace, type PlaceResolution } from './lookup.ts';
export { describeLookup } from './describe.ts';
export { knownPlaceName, type OutsidePlace, type OutsidePlaceKind } from './outside-places.ts';
export { placeKey } from './normalize.ts';
