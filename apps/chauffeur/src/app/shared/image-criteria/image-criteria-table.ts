import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * The technical table of the request email, in a DSFR table: what the photo and the signature
 * files must be. Shown on the home page and the guide; the upload steps will reuse it.
 * (Figures as in the image rules: JPEG or PDF, 300–400 DPI, 80 Ko / 50 Ko, 35 × 45 mm / 25 × 12 mm ± 10 %.)
 */
@Component({
  selector: 'app-image-criteria-table',
  template: `
    <div class="fr-table fr-table--bordered fr-table--no-scroll fr-table--multiline">
      <div class="fr-table__wrapper">
        <div class="fr-table__container">
          <div class="fr-table__content">
            <table>
              <caption>
                {{
                  caption()
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Critère</th>
                  <th scope="col">Photo d’identité</th>
                  <th scope="col">Signature</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">Format du fichier</th>
                  <td>JPEG (.jpg) ou PDF</td>
                  <td>JPEG (.jpg) ou PDF</td>
                </tr>
                <tr>
                  <th scope="row">Résolution</th>
                  <td>de 300 à 400 DPI</td>
                  <td>de 300 à 400 DPI</td>
                </tr>
                <tr>
                  <th scope="row">Poids du fichier</th>
                  <td>80&nbsp;Ko au maximum</td>
                  <td>50&nbsp;Ko au maximum</td>
                </tr>
                <tr>
                  <th scope="row">Taille de l’image (largeur × hauteur)</th>
                  <td>35&nbsp;×&nbsp;45&nbsp;mm, à&nbsp;10&nbsp;%&nbsp;près</td>
                  <td>25&nbsp;×&nbsp;12&nbsp;mm, à&nbsp;10&nbsp;%&nbsp;près</td>
                </tr>
                <tr>
                  <th scope="row">En pixels, à 300 DPI</th>
                  <td>environ 413&nbsp;×&nbsp;531</td>
                  <td>environ 295&nbsp;×&nbsp;142</td>
                </tr>
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImageCriteriaTable {
  readonly caption = input('Caractéristiques attendues des fichiers');
}
