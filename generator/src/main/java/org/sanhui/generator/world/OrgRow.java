package org.sanhui.generator.world;

import org.sanhui.model.domain.OrgStatus;

/**
 * An organisation as one submission lists it.
 *
 * @param org the organisation
 * @param status its status in that submission
 * @param blankStatus whether the 状态 cell is left blank (then status is ACTIVE)
 * @param regionText the 所在地区 cell as written
 */
public record OrgRow(Org org, OrgStatus status, boolean blankStatus, String regionText) {
}
